// The smaller vectors the placement model compares besides the full TF-IDF one: an article's title words,
// its lead words and its names, each against the same fields of a story (Miranda et al. 2018 score body,
// title and entities apart, since one event's reports share names and headline words more reliably than
// body wording).
import { pick, type IdfDot, type SparseVector } from './sparse.ts';

let positions = new Int32Array(256);
let ones = new Float64Array(256);

function reserve(length: number): void {
  if (positions.length >= length) return;
  positions = new Int32Array(length * 2);
  ones = new Float64Array(length * 2).fill(1);
}
ones.fill(1);

/** The ids whose flags have a bit of `mask` set, each with weight 1 (ids stay ascending). */
export function flagged(ids: Int32Array, flags: Uint8Array, mask: number): SparseVector {
  reserve(ids.length);
  let n = 0;
  for (let k = 0; k < ids.length; k += 1) if ((flags[k]! & mask) !== 0) positions[n++] = k;
  return pick(ids, ones, positions.subarray(0, n));
}

/** The entries of `vector` whose id passes `keep`, weights kept. */
export function entriesWhere(vector: SparseVector, keep: (id: number) => boolean): SparseVector {
  reserve(vector.ids.length);
  let n = 0;
  for (let k = 0; k < vector.ids.length; k += 1) if (keep(vector.ids[k]!)) positions[n++] = k;
  return pick(vector.ids, vector.weights, positions.subarray(0, n));
}

/**
 * Cosine over the article's terms that some earlier document had: a term seen only in this article can
 * match nothing, and early in a stream (most terms novel) it would swamp the length.
 */
export function seenCosine(d: IdfDot): number {
  return d.normASeen === 0 || d.normB === 0 ? 0 : d.dot / (d.normASeen * d.normB);
}

/** How many of the (ascending) `ids` the vector holds, by one merge walk. */
export function sharedCount(ids: Int32Array, vector: SparseVector): number {
  const other = vector.ids;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < ids.length && j < other.length) {
    const x = ids[i]!;
    const y = other[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared;
}
