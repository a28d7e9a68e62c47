// Fitting the concept model (src/summarize/concept-model.ts) on chosen rows: shared by the refit script
// (bench/fit-concept-model.ts, all rows) and the summarize bench's k-fold check (each fold fitted on the other
// folds' rows only). Each distinct word pair of a story's candidate sentences is one example, labelled 1 when
// the reference summary (cut like the evaluation: 60 / 250 words) uses the same two stems in a row. Every set
// weighs the same in total, so one model serves 3-sentence excerpts and long articles alike. Fitted by
// Newton's method on the log-likelihood with a tiny ridge.
import { solveLinear } from '../src/cluster/fit-logistic.ts';
import type { Article } from '../src/domain/article.ts';
import { CONCEPT_FEATURES, type ConceptModel } from '../src/summarize/concept-model.ts';
import { conceptFeatures } from '../src/summarize/concept-values.ts';
import type { ExtractiveOptions } from '../src/summarize/defaults.ts';
import { buildStoryModel } from '../src/summarize/story-model.ts';
import { stem, words } from '../src/text/tokens.ts';

const RIDGE = 1e-6;
const WIDTH = CONCEPT_FEATURES.length;

/** One story's examples: a row of CONCEPT_FEATURES.length features and a 0/1 label per distinct word pair. */
export interface ConceptExamples {
  readonly features: Float64Array;
  readonly labels: Uint8Array;
}

export function conceptExamples(
  articles: readonly Article[],
  references: readonly string[],
  wordLimit: number,
  options: ExtractiveOptions,
): ConceptExamples {
  const model = buildStoryModel(articles, options);
  const f = conceptFeatures(model.candidates, articles, model.byArticle.map((a) => a.length));
  const referencePairs = new Set<string>();
  for (const reference of references) {
    const stems = words(reference.split(/\s+/).filter((w) => w !== '').slice(0, wordLimit).join(' ')).map(stem);
    for (let i = 1; i < stems.length; i += 1) referencePairs.add(`${stems[i - 1]} ${stems[i]}`);
  }
  const labels = new Uint8Array(f.count);
  model.candidates.forEach((c, i) => {
    const stems = c.tokens.map(stem);
    f.pairsAt[i]!.forEach((id, k) => {
      if (referencePairs.has(`${stems[k]} ${stems[k + 1]}`)) labels[id] = 1;
    });
  });
  return { features: f.features.slice(0, f.count * WIDTH), labels };
}

/**
 * Maximum-likelihood logistic coefficients over `sets` (each a list of stories' examples; every set weighs
 * the same in total), from `start`. Features in `dropped` keep a coefficient of 0 (to measure what each adds).
 */
export function fitConceptModel(
  sets: readonly (readonly ConceptExamples[])[],
  start: ConceptModel,
  dropped: ReadonlySet<string> = new Set(),
  log: (line: string) => void = () => undefined,
): ConceptModel {
  const columns = CONCEPT_FEATURES.flatMap((name, col) => (dropped.has(name) ? [] : [col]));
  const width = columns.length + 1;
  const w = new Float64Array(width);
  w[0] = start.bias;
  columns.forEach((col, j) => {
    w[j + 1] = start[CONCEPT_FEATURES[col]!];
  });
  const setWeight = sets.map((stories) => 1 / Math.max(1, stories.reduce((n, s) => n + s.labels.length, 0)));
  const x = new Float64Array(width);
  x[0] = 1;
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const gradient = new Float64Array(width);
    const hessian = Array.from({ length: width }, () => new Float64Array(width));
    sets.forEach((stories, s) => {
      for (const { features, labels } of stories) {
        for (let id = 0; id < labels.length; id += 1) {
          let z = w[0]!;
          for (let j = 1; j < width; j += 1) {
            x[j] = features[id * WIDTH + columns[j - 1]!]!;
            z += w[j]! * x[j]!;
          }
          const p = 1 / (1 + Math.exp(-z));
          const error = setWeight[s]! * (p - labels[id]!);
          const curvature = setWeight[s]! * p * (1 - p);
          for (let a = 0; a < width; a += 1) {
            if (x[a] === 0) continue;
            gradient[a] = gradient[a]! + error * x[a]!;
            const row = hessian[a]!;
            for (let b = a; b < width; b += 1) row[b] = row[b]! + curvature * x[a]! * x[b]!;
          }
        }
      }
    });
    for (let a = 0; a < width; a += 1) {
      hessian[a]![a] = hessian[a]![a]! + RIDGE;
      gradient[a] = gradient[a]! + RIDGE * w[a]!;
      for (let b = 0; b < a; b += 1) hessian[a]![b] = hessian[b]![a]!;
    }
    const step = solveLinear(hessian, gradient);
    const size = Math.max(...step.map(Math.abs));
    // Damped when far from the optimum, so a new feature starting at 0 cannot overshoot.
    const damping = size > 1 ? 1 / size : 1;
    for (let a = 0; a < width; a += 1) w[a] = w[a]! - damping * step[a]!;
    log(`iteration ${iteration}: step ${size.toFixed(6)}`);
    if (size < 1e-6) break;
  }
  const out: Record<string, number> = { bias: w[0]! };
  for (const name of CONCEPT_FEATURES) out[name] = 0;
  columns.forEach((col, j) => {
    out[CONCEPT_FEATURES[col]!] = w[j + 1]!;
  });
  return out as ConceptModel;
}
