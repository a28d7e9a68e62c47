// Paired bootstrap interval of a mean difference (Efron & Tibshirani 1993; as used for ROUGE margins by
// Koehn 2004 and Berg-Kirkpatrick et al. 2012): resample the rows with replacement, keep each row's two
// scores together, and read the 2.5th and 97.5th percentiles of the resampled mean differences.

export interface Interval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** Mean of a[i] - b[i] with its paired bootstrap interval at `level` (0.95: 95%). Seeded: reruns agree. */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  { resamples = 2000, level = 0.95, seed = 17 }: { resamples?: number; level?: number; seed?: number } = {},
): Interval {
  if (a.length !== b.length) throw new Error(`paired bootstrap needs equal lengths, got ${a.length} and ${b.length}`);
  const n = a.length;
  if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  const diff = a.map((x, i) => x - b[i]!);
  const mean = diff.reduce((s, d) => s + d, 0) / n;
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r += 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += diff[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const tail = (1 - level) / 2;
  const at = (q: number): number => means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { mean, low: at(tail), high: at(1 - tail) };
}

/** A small seeded PRNG (Tommy Ettinger's mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
