// Sparse vectors as parallel typed arrays sorted by term id: compact (8 bytes a term) and merged in linear
// time, which matters with a centroid per story and a vector per article kept for the whole stream.
import type { IdfWeights } from './vocabulary.ts';
import { sortedDot } from '../text/sorted-dot.ts';

export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float32Array;
  /** Euclidean norm. */
  readonly norm: number;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0), norm: 0 };

// Scratch arrays for values that live within one call (weights being ranked, the positions chosen). A typed
// array of more than 64 bytes is allocated outside V8's heap, at one to two microseconds to make and free;
// the engine made some thirty an article, most of them only to read once. A view of a reused array
// (subarray) is an ordinary small object instead.
let rankScratch = new Float64Array(1024);
let positionScratch = new Int32Array(1024);

/**
 * A Float64Array of `length` to fill with ranking weights for topPositions: a view of a reused array, valid
 * until the next call (its contents are garbage until written).
 */
export function rankingScratch(length: number): Float64Array {
  if (rankScratch.length < length) rankScratch = new Float64Array(length * 2);
  return rankScratch.subarray(0, length);
}

/**
 * Positions of the `limit` largest values, in ascending position order. Ties at the cut go to the earlier
 * position, so the result is deterministic. The cut is found by selection, not a full sort: this runs
 * several times per article. The result is a view of a reused array, valid until the next call.
 */
export function topPositions(values: Float64Array, limit: number): Int32Array {
  const n = values.length;
  if (positionScratch.length < n) positionScratch = new Int32Array(n * 2);
  if (n <= limit) {
    const all = positionScratch.subarray(0, n);
    for (let i = 0; i < n; i += 1) all[i] = i;
    return all;
  }
  const cut = kthSmallest(values, n - limit);
  let above = 0;
  for (let i = 0; i < n; i += 1) if (values[i]! > cut) above += 1;
  let ties = limit - above;
  const out = positionScratch.subarray(0, limit);
  let k = 0;
  for (let i = 0; i < n && k < limit; i += 1) {
    const v = values[i]!;
    if (v > cut || (v === cut && ties-- > 0)) out[k++] = i;
  }
  return out;
}

let selectScratch = new Float64Array(1024);

/** The value a full ascending sort would put at index `k` (Hoare's selection on a scratch copy). */
export function kthSmallest(values: ArrayLike<number>, k: number): number {
  const n = values.length;
  if (selectScratch.length < n) selectScratch = new Float64Array(n * 2);
  const a = selectScratch;
  for (let i = 0; i < n; i += 1) {
    const v = values[i]!;
    // NaN has no place in an ordering by <: leave such input to the typed-array sort, which puts it last.
    if (v !== v) return Float64Array.from(values).sort()[k]!;
    a[i] = v;
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

let radixScratch = new Int32Array(1024);
const radixCounts = new Int32Array(257);

/**
 * Sort non-negative integers ascending in place (LSD radix, one byte per pass): term ids of an article,
 * a few hundred per call, where a comparison sort is the larger cost.
 */
export function sortIds(ids: Int32Array): Int32Array {
  const n = ids.length;
  let max = 0;
  for (let i = 0; i < n; i += 1) if (ids[i]! > max) max = ids[i]!;
  if (radixScratch.length < n) radixScratch = new Int32Array(n * 2);
  let from: Int32Array = ids;
  let to: Int32Array = radixScratch.subarray(0, n);
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 8) {
    radixCounts.fill(0);
    for (let i = 0; i < n; i += 1) radixCounts[((from[i]! >>> shift) & 255) + 1]! += 1;
    for (let b = 1; b < 257; b += 1) radixCounts[b]! += radixCounts[b - 1]!;
    for (let i = 0; i < n; i += 1) {
      const v = from[i]!;
      to[radixCounts[(v >>> shift) & 255]!++] = v;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== ids) ids.set(from);
  return ids;
}

/** Ids and weights arrays of `length` entries over one buffer: one allocation outside the heap, not two. */
function vectorArrays(length: number): { ids: Int32Array; weights: Float32Array } {
  const buffer = new ArrayBuffer(length * 8);
  return { ids: new Int32Array(buffer, 0, length), weights: new Float32Array(buffer, length * 4, length) };
}

/** The entries at `positions` of (ids, weights), weights multiplied by `factor`. */
export function pick(ids: Int32Array, weights: ArrayLike<number>, positions: Int32Array, factor = 1): SparseVector {
  const { ids: outIds, weights: outWeights } = vectorArrays(positions.length);
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
  return sortedDot(a, b);
}

export function cosine(a: SparseVector, b: SparseVector): number {
  return a.norm === 0 || b.norm === 0 ? 0 : dot(a, b) / (a.norm * b.norm);
}

let mergedIds = new Int32Array(1024);
let mergedWeights = new Float32Array(1024);

/**
 * a + b merged by id into the reused merge arrays (float32 sums, as a stored vector holds them); returns the
 * number of entries and their sum of squares.
 */
function mergeIntoScratch(a: SparseVector, b: SparseVector): { length: number; sumOfSquares: number } {
  const size = a.ids.length + b.ids.length;
  if (mergedIds.length < size) {
    mergedIds = new Int32Array(size * 2);
    mergedWeights = new Float32Array(size * 2);
  }
  const ids = mergedIds;
  const weights = mergedWeights;
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
  return { length: k, sumOfSquares: sum };
}

/**
 * a + b merged by id (ids stay ascending), then, when it holds more than `limit` entries, only the `limit`
 * heaviest under the current IDF (weights stay raw), without building the full sum first.
 */
export function addAndPrune(a: SparseVector, b: SparseVector, idf: IdfWeights, limit: number): SparseVector {
  const { length, sumOfSquares } = mergeIntoScratch(a, b);
  if (length > limit) {
    const kept = topPositions(rankByIdf(mergedIds, mergedWeights, length, idf), limit);
    return pick(mergedIds, mergedWeights, kept);
  }
  const out = vectorArrays(length);
  out.ids.set(mergedIds.subarray(0, length));
  out.weights.set(mergedWeights.subarray(0, length));
  return { ids: out.ids, weights: out.weights, norm: Math.sqrt(sumOfSquares) };
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
      if (idf.seen[t] === 1) seen += p * p * w2;
      nb += q * q * w2;
      i += 1;
      j += 1;
    } else if (x < y) {
      const p2 = aw[i]! * aw[i]! * w2;
      na += p2;
      if (idf.seen[t] === 1) seen += p2;
      i += 1;
    } else {
      nb += bw[j]! * bw[j]! * w2;
      j += 1;
    }
  }
  return { dot: sum, normA: Math.sqrt(na), normB: Math.sqrt(nb), normASeen: Math.sqrt(seen) };
}

export type IdfDot = ReturnType<typeof idfDot>;

// One article's weights spread by term id, for idfDotter; `spreadIds` says which entries to clear.
let spread = new Float64Array(1 << 14);
let spreadIds: Int32Array = new Int32Array(0);
let spreadOwner: object | null = null;

/**
 * idfDot of one vector against many (an article against its candidate stories): the vector's weights are
 * spread into a dense array by id and its norms computed once, so each comparison walks only the other
 * vector. The sums are the same, added in the same order, as idfDot's. Valid while the IDF is unchanged.
 */
export function idfDotter(a: SparseVector, idf: IdfWeights): (b: SparseVector) => IdfDot {
  const { logN, logDf } = idf;
  let na = 0;
  let seen = 0;
  let maxId = 0;
  for (let i = 0; i < a.ids.length; i += 1) {
    const t = a.ids[i]!;
    if (t > maxId) maxId = t;
    const w = logN - (logDf[t] ?? LOG_HALF);
    const w2 = w > 0 ? w * w : 0;
    const p2 = a.weights[i]! * a.weights[i]! * w2;
    na += p2;
    if (idf.seen[t] === 1) seen += p2;
  }
  const normA = Math.sqrt(na);
  const normASeen = Math.sqrt(seen);
  const owner = {};
  const claim = (): Float64Array => {
    if (spreadOwner === owner) return spread;
    for (let i = 0; i < spreadIds.length; i += 1) spread[spreadIds[i]!] = 0;
    if (maxId >= spread.length) spread = new Float64Array(Math.max(spread.length * 2, maxId + 1));
    for (let i = 0; i < a.ids.length; i += 1) spread[a.ids[i]!] = a.weights[i]!;
    spreadIds = a.ids;
    spreadOwner = owner;
    return spread;
  };
  return (b) => {
    const dense = claim();
    let sum = 0;
    let nb = 0;
    const bi = b.ids;
    const bw = b.weights;
    for (let j = 0; j < bi.length; j += 1) {
      const t = bi[j]!;
      const w = logN - (logDf[t] ?? LOG_HALF);
      const w2 = w > 0 ? w * w : 0;
      const q = bw[j]!;
      // A term absent from `a` (weight 0) would add exactly 0 to the dot product.
      const p = t < dense.length ? dense[t]! : 0;
      if (p !== 0) sum += p * q * w2;
      nb += q * q * w2;
    }
    return { dot: sum, normA, normB: Math.sqrt(nb), normASeen };
  };
}

/** log(df + 0.5) of a term no document has had yet: what IdfWeights.logDf means past its end. */
export const LOG_HALF = Math.log(0.5);

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

/** The first `length` weights times their current IDF (0 where IDF is not positive), in the ranking scratch. */
function rankByIdf(ids: Int32Array, weights: Float32Array, length: number, idf: IdfWeights): Float64Array {
  const ranked = rankingScratch(length);
  for (let i = 0; i < length; i += 1) {
    const w = idf.logN - (idf.logDf[ids[i]!] ?? LOG_HALF);
    ranked[i] = w > 0 ? weights[i]! * w : 0;
  }
  return ranked;
}

// Positions seenBefore keeps (a scratch: see rankingScratch).
let keepScratch = new Int32Array(1024);

/** Only the entries whose term some earlier document also had (df >= 2): the rest cannot match anything. */
export function seenBefore(v: SparseVector, idf: IdfWeights): SparseVector {
  if (keepScratch.length < v.ids.length) keepScratch = new Int32Array(v.ids.length * 2);
  let kept = 0;
  for (let i = 0; i < v.ids.length; i += 1) if (idf.seen[v.ids[i]!] === 1) keepScratch[kept++] = i;
  if (kept === v.ids.length) return v;
  return pick(v.ids, v.weights, keepScratch.subarray(0, kept));
}
