// Sparse unit vectors over one story's vocabulary and their cosine, the one similarity every step uses.
// Terms are interned to small integers and kept sorted, so a cosine is a linear merge with no hashing.
import { sortedDot } from '../text/sorted-dot.ts';

export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export class Vocabulary {
  readonly #ids = new Map<string, number>();

  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(term, id);
    }
    return id;
  }

  lookup(term: string): number | undefined {
    return this.#ids.get(term);
  }

  get size(): number {
    return this.#ids.size;
  }
}

/** Unit-length vector from term counts times the given weight per term (1 when absent). */
export function unitVector(
  terms: readonly string[],
  vocabulary: Vocabulary,
  weight: (term: string) => number = () => 1,
): SparseVector {
  const counts = new Map<number, number>();
  const weightOf = new Map<number, number>();
  for (const term of terms) {
    const id = vocabulary.id(term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (!weightOf.has(id)) weightOf.set(id, weight(term));
  }
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const weights = new Float64Array(ids.length);
  let norm = 0;
  ids.forEach((id, i) => {
    const value = (counts.get(id) ?? 0) * (weightOf.get(id) ?? 0);
    weights[i] = value;
    norm += value * value;
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < weights.length; i += 1) weights[i]! /= norm;
  return { ids, weights };
}

/** Unit-length vector from interned term ids (repeats count) weighted by `weights[id]`. */
export function vectorFromIds(termIds: Int32Array, weights: Float64Array): SparseVector {
  const sorted = Int32Array.from(termIds).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
  const ids = new Int32Array(distinct);
  const values = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i += 1) {
    const id = sorted[i]!;
    if (i === 0 || id !== sorted[i - 1]) ids[(k += 1)] = id;
    values[k]! += weights[id] ?? 1;
  }
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i += 1) values[i]! /= norm;
  return { ids, weights: values };
}

/** The vectors are unit length, so their dot product is the cosine. */
export function cosine(a: SparseVector, b: SparseVector): number {
  return sortedDot(a, b);
}

/** Normalized sum of vectors: the centroid direction of a set of sentences. */
export function centroidOf(vectors: readonly SparseVector[]): SparseVector {
  const sums = new Map<number, number>();
  for (const v of vectors) v.ids.forEach((id, i) => sums.set(id, (sums.get(id) ?? 0) + v.weights[i]!));
  const ids = Int32Array.from([...sums.keys()].sort((a, b) => a - b));
  const weights = Float64Array.from(ids, (id) => sums.get(id) ?? 0);
  const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0));
  if (norm > 0) for (let i = 0; i < weights.length; i += 1) weights[i]! /= norm;
  return { ids, weights };
}
