// Sparse vectors as parallel typed arrays sorted by term id: compact (8 bytes a term) and merged in linear
// time, which matters with a centroid per story and a vector per article kept for the whole stream.
import type { IdfWeights } from './vocabulary.ts';

export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float32Array;
  /** Euclidean norm. */
  readonly norm: number;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0), norm: 0 };

/**
 * Positions of the `limit` largest values, in ascending position order. Ties at the cut go to the earlier
 * position, so the result is deterministic. Uses a numeric typed-array sort (no comparator calls).
 */
export function topPositions(values: Float64Array, limit: number): Int32Array {
  const n = values.length;
  if (n <= limit) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i += 1) all[i] = i;
    return all;
  }
  const sorted = Float64Array.from(values).sort();
  const cut = sorted[n - limit]!;
  let above = 0;
  for (let i = 0; i < n; i += 1) if (values[i]! > cut) above += 1;
  let ties = limit - above;
  const out = new Int32Array(limit);
  let k = 0;
  for (let i = 0; i < n && k < limit; i += 1) {
    const v = values[i]!;
    if (v > cut || (v === cut && ties-- > 0)) out[k++] = i;
  }
  return out;
}

/** The entries at `positions` of (ids, weights), weights multiplied by `factor`. */
export function pick(ids: Int32Array, weights: ArrayLike<number>, positions: Int32Array, factor = 1): SparseVector {
  const outIds = new Int32Array(positions.length);
  const outWeights = new Float32Array(positions.length);
  let sum = 0;
  for (let k = 0; k < positions.length; k += 1) {
    const p = positions[k]!;
    outIds[k] = ids[p]!;
    const w = weights[p]! * factor;
    outWeights[k] = w;
    sum += w * w;
  }
  return { ids: outIds, weights: outWeights, norm: Math.sqrt(sum) };
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      sum += a.weights[i]! * b.weights[j]!;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  return a.norm === 0 || b.norm === 0 ? 0 : dot(a, b) / (a.norm * b.norm);
}

/** Shared ids with the product of their weights, heaviest first. */
export function sharedEntries(a: SparseVector, b: SparseVector): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      out.push([x, a.weights[i]! * b.weights[j]!]);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return out.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
}

/** a + b, merged by id (ids stay ascending). */
export function add(a: SparseVector, b: SparseVector): SparseVector {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const weights = new Float32Array(ids.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? a.ids[i]! : 0x7fffffff;
    const y = j < b.ids.length ? b.ids[j]! : 0x7fffffff;
    if (x === y) {
      ids[k] = x;
      weights[k] = a.weights[i++]! + b.weights[j++]!;
    } else if (x < y) {
      ids[k] = x;
      weights[k] = a.weights[i++]!;
    } else {
      ids[k] = y;
      weights[k] = b.weights[j++]!;
    }
    k += 1;
  }
  let sum = 0;
  for (let m = 0; m < k; m += 1) sum += weights[m]! * weights[m]!;
  return { ids: ids.slice(0, k), weights: weights.slice(0, k), norm: Math.sqrt(sum) };
}

/**
 * Cosine of two term-frequency vectors under the IDF of the moment: w(t) = max(0, logN - logDf[t]). Vectors
 * keep raw weights and IDF is applied when compared, so early and late articles are weighed alike even
 * though document frequencies keep moving in a stream.
 */
export function idfCosine(a: SparseVector, b: SparseVector, idf: IdfWeights): number {
  const { dot: d, normA, normB } = idfDot(a, b, idf);
  return normA === 0 || normB === 0 ? 0 : d / (normA * normB);
}

/** Dot product and both norms under the current IDF, in one merge pass. */
export function idfDot(
  a: SparseVector,
  b: SparseVector,
  idf: IdfWeights,
): { dot: number; normA: number; normB: number; normASeen: number } {
  const { logN, logDf } = idf;
  let i = 0;
  let j = 0;
  let sum = 0;
  let na = 0;
  let nb = 0;
  let seen = 0;
  const ai = a.ids;
  const bi = b.ids;
  const aw = a.weights;
  const bw = b.weights;
  while (i < ai.length || j < bi.length) {
    const x = i < ai.length ? ai[i]! : 0x7fffffff;
    const y = j < bi.length ? bi[j]! : 0x7fffffff;
    const t = x < y ? x : y;
    const w = logN - (logDf[t] ?? LOG_HALF);
    const w2 = w > 0 ? w * w : 0;
    if (x === y) {
      const p = aw[i]!;
      const q = bw[j]!;
      sum += p * q * w2;
      na += p * p * w2;
      if ((logDf[t] ?? LOG_HALF) > LOG_ONE_AND_HALF) seen += p * p * w2;
      nb += q * q * w2;
      i += 1;
      j += 1;
    } else if (x < y) {
      const p2 = aw[i]! * aw[i]! * w2;
      na += p2;
      if ((logDf[t] ?? LOG_HALF) > LOG_ONE_AND_HALF) seen += p2;
      i += 1;
    } else {
      nb += bw[j]! * bw[j]! * w2;
      j += 1;
    }
  }
  return { dot: sum, normA: Math.sqrt(na), normB: Math.sqrt(nb), normASeen: Math.sqrt(seen) };
}

const LOG_HALF = Math.log(0.5);
// log(df + 0.5) of a term seen in one document only (the one being placed), plus rounding slack.
const LOG_ONE_AND_HALF = Math.log(1.5) + 1e-6;

/** The vector with each weight multiplied by its current IDF (for ranking terms, not for storage). */
export function withIdf(v: SparseVector, idf: IdfWeights): SparseVector {
  const weights = new Float32Array(v.weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const w = Math.max(0, idf.logN - (idf.logDf[v.ids[i]!] ?? LOG_HALF));
    weights[i] = v.weights[i]! * w;
    sum += weights[i]! * weights[i]!;
  }
  return { ids: v.ids, weights, norm: Math.sqrt(sum) };
}

/** Keep the `limit` entries heaviest under the current IDF (weights stay raw). */
export function pruneByIdf(v: SparseVector, idf: IdfWeights, limit: number): SparseVector {
  if (v.ids.length <= limit) return v;
  const ranked = new Float64Array(v.ids.length);
  for (let i = 0; i < ranked.length; i += 1) {
    const w = idf.logN - (idf.logDf[v.ids[i]!] ?? LOG_HALF);
    ranked[i] = w > 0 ? v.weights[i]! * w : 0;
  }
  return pick(v.ids, v.weights, topPositions(ranked, limit));
}

/** Only the entries whose term some earlier document also had (df >= 2): the rest cannot match anything. */
export function seenBefore(v: SparseVector, idf: IdfWeights): SparseVector {
  const keep: number[] = [];
  for (let i = 0; i < v.ids.length; i += 1) if ((idf.logDf[v.ids[i]!] ?? LOG_HALF) > LOG_ONE_AND_HALF) keep.push(i);
  if (keep.length === v.ids.length) return v;
  return pick(v.ids, v.weights, Int32Array.from(keep));
}
