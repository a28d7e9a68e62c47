// L2-regularised logistic regression by Newton's method (IRLS), for the placement model: a handful of
// features and up to a few hundred thousand examples, so the exact Hessian is cheap and converges in a few
// steps without a learning rate to tune. Features are standardised inside, weights returned on the raw scale.

export interface LogisticFit {
  readonly weights: number[];
  readonly bias: number;
}

export interface LogisticExamples {
  /** One feature vector per example, all of the same length. */
  readonly features: readonly ArrayLike<number>[];
  readonly labels: readonly boolean[];
  /** Weight of each example (default 1): e.g. so that each data set counts the same. */
  readonly weights?: readonly number[];
}

/**
 * Solves A x = b for a small square A (one row per feature) by Gauss-Jordan elimination with partial
 * pivoting. Also used by the summarizer's concept-model fit (bench/fit-concept-model.ts).
 */
export function solveLinear(a: readonly ArrayLike<number>[], b: ArrayLike<number>): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...Array.from(row), b[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c += 1) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Fit P(label) = sigmoid(bias + w . x). `l2` is the penalty on the standardised weights (not the bias), per
 * unit of total example weight, so its effect does not depend on how many examples there are.
 */
export function fitLogistic(data: LogisticExamples, l2 = 1e-3, iterations = 50): LogisticFit {
  const { features, labels } = data;
  const n = features.length;
  if (n === 0) throw new Error('fitLogistic: no examples');
  const d = features[0]!.length;
  const sampleWeight = (i: number): number => data.weights?.[i] ?? 1;
  let total = 0;
  const mean = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i += 1) {
    const w = sampleWeight(i);
    total += w;
    for (let j = 0; j < d; j += 1) mean[j]! += w * features[i]![j]!;
  }
  for (let j = 0; j < d; j += 1) mean[j]! /= total;
  const scale = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i += 1) {
    const w = sampleWeight(i);
    for (let j = 0; j < d; j += 1) scale[j]! += w * (features[i]![j]! - mean[j]!) ** 2;
  }
  // A constant feature (say, every example dated) keeps scale 1 and gets a weight of about 0.
  for (let j = 0; j < d; j += 1) scale[j] = Math.sqrt(scale[j]! / total) || 1;

  // theta[0] is the bias, theta[1..d] the standardised weights.
  const theta = new Array<number>(d + 1).fill(0);
  const x = new Array<number>(d + 1).fill(1);
  for (let step = 0; step < iterations; step += 1) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < d; j += 1) x[j + 1] = (features[i]![j]! - mean[j]!) / scale[j]!;
      let z = 0;
      for (let j = 0; j <= d; j += 1) z += theta[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = sampleWeight(i);
      const residual = w * ((labels[i] ? 1 : 0) - p);
      const curvature = w * p * (1 - p);
      for (let j = 0; j <= d; j += 1) {
        gradient[j]! += residual * x[j]!;
        const row = hessian[j]!;
        const cx = curvature * x[j]!;
        for (let k = j; k <= d; k += 1) row[k]! += cx * x[k]!;
      }
    }
    for (let j = 0; j <= d; j += 1) for (let k = 0; k < j; k += 1) hessian[j]![k] = hessian[k]![j]!;
    for (let j = 1; j <= d; j += 1) {
      gradient[j]! -= l2 * total * theta[j]!;
      hessian[j]![j]! += l2 * total;
    }
    hessian[0]![0]! += 1e-9 * total;
    const delta = solveLinear(hessian, gradient);
    let change = 0;
    for (let j = 0; j <= d; j += 1) {
      theta[j]! += delta[j]!;
      change = Math.max(change, Math.abs(delta[j]!));
    }
    if (change < 1e-7) break;
  }
  const weights = mean.map((_, j) => theta[j + 1]! / scale[j]!);
  const bias = theta[0]! - weights.reduce((sum, w, j) => sum + w * mean[j]!, 0);
  return { weights, bias };
}
