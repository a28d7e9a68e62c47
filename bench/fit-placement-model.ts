// `node bench/fit-placement-model.ts`: refit the shipped placement model (src/cluster/placement-model.json)
// and background document frequencies (src/cluster/background-df.json) on every stream of every development
// set in ../shared/data/clustering, the cutoff chosen on one stream per set and fold. Its honest figures are
// the cross-validated ones of `npm run bench cluster-quality`, which fits the same way on part of the data
// and scores the rest.
import { writeFileSync } from 'node:fs';
import { BACKGROUND_FILE, countDocumentFrequencies } from '../src/cluster/background.ts';
import { PLACEMENT_MODEL_FILE, placementModelJson } from '../src/cluster/placement.ts';
import { loadSets } from './cluster-data.ts';
import { BackgroundPool, collectExamples, fitPlacement, foldStreams, tuningSample } from './placement-folds.ts';

const sets = loadSets();
if (sets.length === 0) {
  console.error('no clustering data under ../shared/data/clustering: nothing to fit on');
  process.exit(1);
}
const names = sets.map((s) => s.name).join(', ');
const streams = sets.flatMap((set) => foldStreams(set));
console.error(`counting background document frequencies on ${names}`);
const shipped = countDocumentFrequencies(
  sets.flatMap((set) => set.rows.map((r) => r.article)),
  2,
  undefined,
  `every row of ${names} (terms in at least 2 articles)`,
);
writeFileSync(BACKGROUND_FILE, `${JSON.stringify(shipped)}\n`);

// Each stream is replayed with the background of all the others, as a new stream meets the shipped one.
const background = new BackgroundPool(streams).of(streams);
console.error(`collecting examples from ${streams.length} streams`);
const examples = streams.map((stream, i) => {
  process.stderr.write(`\r${i + 1}/${streams.length}`);
  return collectExamples(stream, background.without(stream));
});
process.stderr.write('\nfitting and choosing the cutoff\n');
const model = fitPlacement(examples, tuningSample(streams), `all streams of ${names}`, (s) => background.without(s));
writeFileSync(PLACEMENT_MODEL_FILE, placementModelJson(model));
console.log(placementModelJson(model));
