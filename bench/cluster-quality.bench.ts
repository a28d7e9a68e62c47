// Story clustering quality (EVALUATION.md "Story clustering", issue 13), scored only on rows nothing was
// fitted or tuned on:
// - k-fold by story: every development set is split by story into FOLDS folds (each cut into streams of at
//   most STREAM_STORIES stories, the size of the held-out sets); the placement model is fitted on two folds
//   of every set and scored on the third, three times;
// - leave one data set out: fitted on the other sets only, scored on every stream of the one left out.
// The background document frequencies are counted on the training streams of each split only.
// Beside each figure, on the same streams: the textbook single-pass TF-IDF baseline with its one global
// threshold T = 0.2 (as the held-out check runs it), and the same baseline with T chosen on the training folds.
import { createBaselineClusterer } from '../src/cluster/baseline.ts';
import { bcubed, pairwise, type Scores } from '../src/cluster/metrics.ts';
import type { PlacementModel } from '../src/cluster/placement.ts';
import { loadSets, DATA_DIR, type GoldRow } from './cluster-data.ts';
import type { Background } from '../src/cluster/vocabulary.ts';
import {
  collectExamples,
  fitPlacement,
  BackgroundPool,
  foldStreams,
  meanF1,
  runModel,
  tuningSample,
  FOLDS,
  STREAM_STORIES,
  type FoldStream,
} from './placement-folds.ts';

/** The textbook baseline's threshold, as the held-out acceptance check runs it. */
export const TEXTBOOK_THRESHOLD = 0.2;
const BASELINE_GRID = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] as const;

export function runBaseline(rows: readonly GoldRow[], threshold = TEXTBOOK_THRESHOLD): string[] {
  const baseline = createBaselineClusterer(threshold);
  return rows.map((row) => String(baseline.add(row.article.title, row.article.text)));
}

/** The baseline threshold with the best mean F1 on the given (training) streams. */
function tuneBaseline(streams: readonly FoldStream[]): number {
  let best: number = TEXTBOOK_THRESHOLD;
  let bestF1 = -1;
  for (const t of BASELINE_GRID) {
    const f1 = meanF1(streams, (stream) => runBaseline(stream.rows, t));
    if (f1 > bestF1) [best, bestF1] = [t, f1];
  }
  return best;
}

/** Predictions of several streams scored as one set: labels kept apart per stream. */
class Pooled {
  readonly predicted: string[] = [];
  readonly gold: string[] = [];
  add(stream: number, predicted: readonly string[], rows: readonly GoldRow[]): void {
    predicted.forEach((p, i) => {
      this.predicted.push(`${stream}/${p}`);
      this.gold.push(`${stream}/${rows[i]!.cluster}`);
    });
  }
  bcubed = (): Scores => bcubed(this.predicted, this.gold);
  pairwise = (): Scores => pairwise(this.predicted, this.gold);
}

interface Row {
  engine: Pooled;
  textbook: Pooled;
  tuned: Pooled;
  thresholds: Set<number>;
}

const fmt = (s: Scores): string => `${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)})`;

function printTable(title: string, rows: Map<string, Row>): void {
  console.log(`\n${title}`);
  console.log('set             rows  method                  BCubed F1 (P, R)            pairwise F1 (P, R)          gain    target');
  for (const [set, row] of rows) {
    const e = row.engine.bcubed();
    const b = row.textbook.bcubed();
    const gain = e.f1 - b.f1;
    const target = b.f1 + 0.03;
    const line = (label: string, pooled: Pooled, tail = ''): string =>
      `${label.padEnd(22)}  ${fmt(pooled.bcubed())}     ${fmt(pooled.pairwise())}     ${tail}`;
    console.log(
      `${set.padEnd(14)} ${String(row.engine.predicted.length).padStart(5)}  ` +
        line('engine', row.engine, `${gain >= 0 ? '+' : ''}${gain.toFixed(3)}  >= ${target.toFixed(3)} ${e.f1 >= target ? 'met' : 'MISSED'}`),
    );
    console.log(`${' '.repeat(22)}${line('textbook T=0.2', row.textbook)}`.trimEnd());
    console.log(`${' '.repeat(22)}${line(`tuned T (${[...row.thresholds].join('/')})`, row.tuned)}`.trimEnd());
  }
}

function score(
  rows: Map<string, Row>,
  tests: readonly FoldStream[],
  model: PlacementModel,
  background: Background,
  baselineT: number,
  streamNumber: Map<FoldStream, number>,
): void {
  for (const stream of tests) {
    let row = rows.get(stream.set);
    if (row === undefined) {
      row = { engine: new Pooled(), textbook: new Pooled(), tuned: new Pooled(), thresholds: new Set() };
      rows.set(stream.set, row);
    }
    const n = streamNumber.get(stream)!;
    row.engine.add(n, runModel(stream.rows, model, background), stream.rows);
    row.textbook.add(n, runBaseline(stream.rows), stream.rows);
    row.tuned.add(n, runBaseline(stream.rows, baselineT), stream.rows);
    row.thresholds.add(baselineT);
  }
}

export default async function (): Promise<void> {
  const sets = loadSets();
  if (sets.length === 0) {
    console.log(`no data under ${DATA_DIR}: skipped`);
    return;
  }
  const streams = sets.flatMap((set) => foldStreams(set));
  const streamNumber = new Map(streams.map((s, i) => [s, i]));
  console.log(
    `${streams.length} streams: ${sets.map((s) => s.name).join(', ')} split by story into ${FOLDS} folds, streams of at most ${STREAM_STORIES} stories`,
  );
  const started = performance.now();
  const pool = new BackgroundPool(streams);
  console.log(`background document frequencies counted per stream in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Each split: background counts, teacher-forced examples, model and cutoff, all from its training streams.
  const split = (training: readonly FoldStream[], name: string) => {
    const background = pool.of(training);
    const examples = training.map((s) => collectExamples(s, background.without(s)));
    const model = fitPlacement(examples, tuningSample(training), name, (s) => background.without(s));
    const pairs = examples.reduce((n, e) => n + e.labels.length, 0);
    return { model, background: background.all, pairs, baselineT: tuneBaseline(tuningSample(training)) };
  };

  const kfold = new Map<string, Row>();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const { model, background, pairs, baselineT } = split(
      streams.filter((s) => s.fold !== fold),
      `folds != ${fold}`,
    );
    console.log(`fold ${fold}: ${pairs} training pairs, cutoff ${model.cutoff}, baseline T ${baselineT} (all chosen on the other folds)`);
    score(kfold, streams.filter((s) => s.fold === fold), model, background, baselineT, streamNumber);
  }
  printTable(`${FOLDS}-fold cross-validation by story (each figure from folds the model was not fitted on)`, kfold);

  const loso = new Map<string, Row>();
  for (const set of sets) {
    const { model, background, baselineT } = split(
      streams.filter((s) => s.set !== set.name),
      `all but ${set.name}`,
    );
    score(loso, streams.filter((s) => s.set === set.name), model, background, baselineT, streamNumber);
  }
  printTable('leave one data set out (fitted on the other sets only)', loso);
  console.log('\ntarget (issue 13): textbook baseline + 0.03 BCubed F1 on every set; aim 0.93');
}
