// Where the story engine goes wrong on each development set (issue #4's error analysis, kept reproducible):
// how each article was placed against the gold stories seen before it, where BCubed precision is lost by size
// of the predicted story, and BCubed on dated and undated rows apart (time decay can only help dated ones).
// Gold labels are read here to score decisions after the fact, never by the engine.
import { createStoryEngine } from '../src/cluster/engine.ts';
import { bcubed } from '../src/cluster/metrics.ts';
import { loadSets, type GoldRow } from './cluster-data.ts';

/** How one article was placed, judged against the gold stories of the articles before it. */
export type Outcome =
  /** Its gold story had an earlier article and it joined (or rewrote) a predicted story holding one. */
  | 'joined-own'
  /** Its gold story had an earlier article, but it joined a predicted story holding none (a merge). */
  | 'joined-other'
  /** Its gold story had an earlier article, but it opened a new predicted story (a split). */
  | 'split'
  /** First of its gold story and opened a new predicted story. */
  | 'opened'
  /** First of its gold story, yet joined an existing predicted story (a merge). */
  | 'merged-first';

export interface Breakdown {
  readonly outcomes: Record<Outcome, number>;
  /** BCubed precision lost (in articles: size minus the summed share of same-gold members) by predicted size. */
  readonly precisionLoss: Record<string, number>;
}

const SIZE_BUCKETS: readonly [number, string][] = [
  [1, '1'],
  [2, '2'],
  [3, '3'],
  [6, '4-6'],
  [12, '7-12'],
  [Infinity, '13+'],
];

const bucketOf = (size: number): string => SIZE_BUCKETS.find(([max]) => size <= max)![1];

/** Outcomes in arrival order and precision loss by predicted story size, from predicted and gold labels. */
export function breakdown(predicted: readonly string[], gold: readonly string[]): Breakdown {
  const outcomes: Record<Outcome, number> = { 'joined-own': 0, 'joined-other': 0, split: 0, opened: 0, 'merged-first': 0 };
  const goldSeen = new Set<string>();
  const predictedSeen = new Set<string>();
  const goldInPredicted = new Set<string>();
  for (let i = 0; i < predicted.length; i += 1) {
    const p = predicted[i]!;
    const g = gold[i]!;
    const cell = `${p}\u0000${g}`;
    if (!goldSeen.has(g)) outcomes[predictedSeen.has(p) ? 'merged-first' : 'opened'] += 1;
    else if (goldInPredicted.has(cell)) outcomes['joined-own'] += 1;
    else outcomes[predictedSeen.has(p) ? 'joined-other' : 'split'] += 1;
    goldSeen.add(g);
    predictedSeen.add(p);
    goldInPredicted.add(cell);
  }
  const members = new Map<string, Map<string, number>>();
  for (let i = 0; i < predicted.length; i += 1) {
    const byGold = members.get(predicted[i]!) ?? new Map<string, number>();
    byGold.set(gold[i]!, (byGold.get(gold[i]!) ?? 0) + 1);
    members.set(predicted[i]!, byGold);
  }
  const precisionLoss: Record<string, number> = Object.fromEntries(SIZE_BUCKETS.map(([, name]) => [name, 0]));
  for (const byGold of members.values()) {
    let size = 0;
    let kept = 0;
    for (const n of byGold.values()) size += n;
    for (const n of byGold.values()) kept += (n * n) / size;
    precisionLoss[bucketOf(size)]! += size - kept;
  }
  return { outcomes, precisionLoss };
}

const f = (x: number): string => x.toFixed(3);

function datedSplit(rows: readonly GoldRow[], predicted: readonly string[]): string {
  const parts = [true, false].map((dated) => {
    const keep = rows.map((r) => (r.article.published !== null) === dated);
    const n = keep.filter(Boolean).length;
    if (n === 0) return null;
    const s = bcubed(
      predicted.filter((_, i) => keep[i]),
      rows.map((r) => r.cluster).filter((_, i) => keep[i]),
    );
    return `${dated ? 'dated' : 'undated'} ${n} rows F1 ${f(s.f1)} (P ${f(s.precision)} R ${f(s.recall)})`;
  });
  return parts.filter((p) => p !== null).join('; ');
}

export default async function (): Promise<void> {
  const sets = loadSets();
  if (sets.length === 0) {
    console.log('no clustering data: skipped');
    return;
  }
  for (const set of sets) {
    const engine = createStoryEngine();
    const predicted = set.rows.map((row) => engine.add(row.article).storyId);
    const { outcomes, precisionLoss } = breakdown(
      predicted,
      set.rows.map((r) => r.cluster),
    );
    const loss = Object.entries(precisionLoss)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k}: ${v.toFixed(0)}`)
      .join(', ');
    console.log(`${set.name} (${set.rows.length} rows)`);
    console.log(
      `  placements: joined own story ${outcomes['joined-own']}, joined another ${outcomes['joined-other']}, ` +
        `split off ${outcomes.split}; first of a story: opened ${outcomes.opened}, merged ${outcomes['merged-first']}`,
    );
    console.log(`  BCubed precision lost (articles) by predicted story size: ${loss}`);
    console.log(`  ${datedSplit(set.rows, predicted)}`);
  }
}
