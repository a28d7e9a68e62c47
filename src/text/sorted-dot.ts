// Dot product of two sparse vectors whose term ids are sorted ascending: a linear merge with no hashing.
// Story clustering (float32 weights) and summaries (float64 unit vectors) both compare vectors this way.

export interface SortedSparse {
  readonly ids: Int32Array;
  readonly weights: Float32Array | Float64Array;
}

export function sortedDot(a: SortedSparse, b: SortedSparse): number {
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
