// Chooses referenceShare and wordConceptWeight for src/summarize/defaults.ts: `node bench/tune-summary-weights.ts`
// prints the WEIGHT_GRID point the summarize bench's folds would choose (chooseWeights), here on every
// development row with the shipped concept model. The bench judges the choice: each of its folds makes it
// again on its training rows only.
import { EXTRACTIVE_DEFAULTS } from '../src/summarize/defaults.ts';
import { chooseWeights, prepareSets, WEIGHT_GRID } from './summarize-folds.ts';
import { loadSummaryRows, SUMMARY_SETS } from './summary-data.ts';

const sets = SUMMARY_SETS.map((set) => ({ name: set.name, words: set.words, rows: loadSummaryRows(set.file) }));
const { weights, trainMargin } = chooseWeights(prepareSets(sets), () => true, WEIGHT_GRID, EXTRACTIVE_DEFAULTS);
console.log(`chosen from ${WEIGHT_GRID.length} points: ${JSON.stringify(weights)}`);
console.log(`R-2 F margin over lead on the set where it is smallest (in-sample, not a verdict): ${(100 * trainMargin).toFixed(2)}`);
