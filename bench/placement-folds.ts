// Honest folds for the placement model: every development set is split by story into FOLDS folds, each fold
// into streams of at most STREAM_STORIES stories (the size of the held-out sets the engine is judged on, a
// few hundred stories each). The model is fitted on the streams of some folds and scored on the others, so
// no figure comes from rows the model was fitted or tuned on.
import { hashString } from '../src/dedupe/hash.ts';
import { createStoryEngine } from '../src/cluster/engine.ts';
import { backgroundOf, countDocumentFrequencies, type BackgroundTable } from '../src/cluster/background.ts';
import { fitLogistic } from '../src/cluster/fit-logistic.ts';
import type { Background } from '../src/cluster/vocabulary.ts';
import { bcubed } from '../src/cluster/metrics.ts';
import type { PlacementModel } from '../src/cluster/placement.ts';
import { streamOrder, type DataSet, type GoldRow } from './cluster-data.ts';

export const FOLDS = 3;
export const STREAM_STORIES = 320;

export interface FoldStream {
  readonly set: string;
  readonly fold: number;
  readonly rows: readonly GoldRow[];
}

/** Stories to folds by a hash of the story label (deterministic), then each fold cut into streams. */
export function foldStreams(set: DataSet, folds = FOLDS, storiesPerStream = STREAM_STORIES): FoldStream[] {
  const labels = [...new Set(set.rows.map((r) => r.cluster))].sort(
    (a, b) => hashString(a) - hashString(b) || (a < b ? -1 : 1),
  );
  const foldOf = new Map<string, number>();
  const streamOf = new Map<string, number>();
  labels.forEach((label, rank) => {
    foldOf.set(label, rank % folds);
    streamOf.set(label, Math.floor(rank / folds / storiesPerStream));
  });
  const out: FoldStream[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const streams = new Map<number, GoldRow[]>();
    for (const row of set.rows) {
      if (foldOf.get(row.cluster) !== fold) continue;
      const stream = streamOf.get(row.cluster)!;
      if (!streams.has(stream)) streams.set(stream, []);
      streams.get(stream)!.push(row);
    }
    for (const rows of streams.values()) out.push({ set: set.name, fold, rows: streamOrder(rows) });
  }
  return out;
}

export interface Examples {
  readonly set: string;
  readonly features: (readonly number[])[];
  readonly labels: boolean[];
}

/**
 * Background document frequencies for honest folds: each stream's counts are kept apart, so a split's
 * background holds only its training streams, and a training stream is replayed with a background that
 * leaves its own text out (as a new stream's text is never in the shipped background).
 */
export class BackgroundPool {
  readonly #tables = new Map<FoldStream, BackgroundTable>();
  constructor(streams: readonly FoldStream[]) {
    for (const s of streams) this.#tables.set(s, countDocumentFrequencies(s.rows.map((r) => r.article), 1));
  }

  /** The summed counts of `streams`, as a table (minDf 1). */
  table(streams: readonly FoldStream[]): BackgroundTable {
    const df: Record<string, number> = {};
    let documents = 0;
    for (const s of streams) {
      const t = this.#tables.get(s)!;
      documents += t.documents;
      for (const [term, n] of Object.entries(t.df)) df[term] = (df[term] ?? 0) + n;
    }
    return { documents, df };
  }

  /** The background of `streams` (a summed table), and that background without one stream's own counts. */
  of(streams: readonly FoldStream[]): { all: Background; without(stream: FoldStream): Background } {
    const total = this.table(streams);
    const tables = this.#tables;
    return {
      all: backgroundOf(total),
      without(stream) {
        const own = tables.get(stream)!;
        const documents = Math.max(1, total.documents - own.documents);
        return { share: (term) => ((total.df[term] ?? 0) - (own.df[term] ?? 0)) / documents };
      },
    };
  }
}

/** Teacher-forced run over one stream: the features of every (article, candidate story) with its gold answer. */
export function collectExamples(stream: FoldStream, background: Background | null): Examples {
  const gold = new Map(stream.rows.map((r) => [r.article.id, r.cluster]));
  const features: (readonly number[])[] = [];
  const labels: boolean[] = [];
  const engine = createStoryEngine(
    {},
    {
      teacher: {
        goldOf: (article) => gold.get(article.id)!,
        record(candidates, joins) {
          features.push(...candidates);
          labels.push(...joins);
        },
      },
      background,
    },
  );
  for (const row of stream.rows) engine.add(row.article);
  return { set: stream.set, features, labels };
}

export function runModel(rows: readonly GoldRow[], model: PlacementModel, background: Background | null): string[] {
  const engine = createStoryEngine({}, { model, background });
  return rows.map((row) => engine.add(row.article).storyId);
}

/** Mean over data sets of the mean BCubed F1 of their streams: each set counts the same. */
export function meanF1(streams: readonly FoldStream[], cluster: (stream: FoldStream) => string[]): number {
  const bySet = new Map<string, number[]>();
  for (const stream of streams) {
    const f1 = bcubed(cluster(stream), stream.rows.map((r) => r.cluster)).f1;
    if (!bySet.has(stream.set)) bySet.set(stream.set, []);
    bySet.get(stream.set)!.push(f1);
  }
  const means = [...bySet.values()].map((list) => list.reduce((a, b) => a + b, 0) / list.length);
  return means.reduce((a, b) => a + b, 0) / Math.max(1, means.length);
}

export const CUTOFFS = [0.3, 0.4, 0.5, 0.6, 0.7] as const;

/**
 * The placement model fitted on `training` examples (each data set weighing the same in total), and its
 * cutoff chosen by BCubed F1 on `tuning` streams, which must come from the training folds too.
 */
export function fitPlacement(
  training: readonly Examples[],
  tuning: readonly FoldStream[],
  fittedOn: string,
  backgroundFor: (stream: FoldStream) => Background | null,
): PlacementModel {
  const perSet = new Map<string, number>();
  for (const e of training) perSet.set(e.set, (perSet.get(e.set) ?? 0) + e.labels.length);
  const features = training.flatMap((e) => e.features);
  const labels = training.flatMap((e) => e.labels);
  const weights = training.flatMap((e) => e.labels.map(() => 1 / perSet.get(e.set)!));
  const fit = fitLogistic({ features, labels, weights });
  let best: PlacementModel | undefined;
  let bestF1 = -1;
  for (const cutoff of CUTOFFS) {
    const model: PlacementModel = { ...fit, cutoff, fittedOn };
    const f1 = meanF1(tuning, (stream) => runModel(stream.rows, model, backgroundFor(stream)));
    if (f1 > bestF1) [best, bestF1] = [model, f1];
  }
  return best!;
}

/** The first stream of each (set, fold) among `streams`: enough to choose a cutoff, at a fraction of the cost. */
export function tuningSample(streams: readonly FoldStream[]): FoldStream[] {
  const seen = new Set<string>();
  return streams.filter((s) => {
    const key = `${s.set}/${s.fold}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
