// `node bench/fit-placement-model.ts`: refit the shipped placement model (src/cluster/placement-model.json)
// on every stream of every development set in ../shared/data/clustering, the cutoff chosen on one stream
// per set and fold. Its honest figures are the cross-validated ones of `npm run bench cluster-quality`,
// which refits the same way on part of the data and scores the rest.
import { writeFileSync } from 'node:fs';
import { PLACEMENT_MODEL_FILE, placementModelJson } from '../src/cluster/placement.ts';
import { loadSets } from './cluster-data.ts';
import { collectExamples, fitPlacement, foldStreams, tuningSample } from './placement-folds.ts';

const sets = loadSets();
if (sets.length === 0) {
  console.error('no clustering data under ../shared/data/clustering: nothing to fit on');
  process.exit(1);
}
const streams = sets.flatMap((set) => foldStreams(set));
console.error(`collecting examples from ${streams.length} streams (${sets.map((s) => s.name).join(', ')})`);
const examples = streams.map((stream, i) => {
  process.stderr.write(`\r${i + 1}/${streams.length}`);
  return collectExamples(stream);
});
process.stderr.write('\nfitting and choosing the cutoff\n');
const model = fitPlacement(examples, tuningSample(streams), `all streams of ${sets.map((s) => s.name).join(', ')}`);
writeFileSync(PLACEMENT_MODEL_FILE, placementModelJson(model));
console.log(placementModelJson(model));
