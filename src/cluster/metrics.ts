// Clustering scores against gold labels: BCubed (Bagga & Baldwin 1998) and pairwise precision/recall/F1,
// the two measures Miranda et al. (2018) report for stream clustering.

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function f1(precision: number, recall: number): Scores {
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Count of items per (predicted, gold) cell, per predicted and per gold cluster. */
function contingency(predicted: readonly string[], gold: readonly string[]) {
  const cells = new Map<string, number>();
  const byPredicted = new Map<string, number>();
  const byGold = new Map<string, number>();
  for (let i = 0; i < predicted.length; i += 1) {
    const p = predicted[i]!;
    const g = gold[i]!;
    const key = `${p}\u0000${g}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    byPredicted.set(p, (byPredicted.get(p) ?? 0) + 1);
    byGold.set(g, (byGold.get(g) ?? 0) + 1);
  }
  return { cells, byPredicted, byGold };
}

/** BCubed over items: for each item, the share of its predicted cluster that shares its gold label, and back. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): Scores {
  const { cells, byPredicted, byGold } = contingency(predicted, gold);
  let precision = 0;
  let recall = 0;
  for (const [key, n] of cells) {
    const [p, g] = key.split('\u0000') as [string, string];
    // Each of the n items in this cell has n same-gold items in its predicted cluster.
    precision += (n * n) / byPredicted.get(p)!;
    recall += (n * n) / byGold.get(g)!;
  }
  const count = predicted.length;
  return count === 0 ? f1(1, 1) : f1(precision / count, recall / count);
}

/** Pairwise: precision and recall over all pairs of items placed together. */
export function pairwise(predicted: readonly string[], gold: readonly string[]): Scores {
  const { cells, byPredicted, byGold } = contingency(predicted, gold);
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  let together = 0;
  for (const n of cells.values()) together += pairs(n);
  let predictedPairs = 0;
  for (const n of byPredicted.values()) predictedPairs += pairs(n);
  let goldPairs = 0;
  for (const n of byGold.values()) goldPairs += pairs(n);
  return f1(predictedPairs === 0 ? 1 : together / predictedPairs, goldPairs === 0 ? 1 : together / goldPairs);
}
