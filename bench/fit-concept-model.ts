// Refits CONCEPT_MODEL (src/summarize/concept-model.ts): `node bench/fit-concept-model.ts` prints the
// coefficients to paste over the constant's body.
// Data: the even-numbered rows of the AllSides and Multi-News summarization sets (odd rows are held back, so
// the bench can check that a refit moves them the same way). Each distinct word pair of a story's candidate
// sentences is one example, labelled 1 when the reference summary (cut like the evaluation: 60 / 250 words)
// uses the same two stems in a row. The two sets weigh the same in total, so one model serves 3-sentence
// excerpts and long articles alike. Fitted by Newton's method on the log-likelihood with a tiny ridge.
// FIT_DROP=a,b leaves features out (to measure what each one adds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/domain/article.ts';
import { solveLinear } from '../src/cluster/fit-logistic.ts';
import { CONCEPT_FEATURES, CONCEPT_MODEL } from '../src/summarize/concept-model.ts';
import { conceptFeatures } from '../src/summarize/concept-values.ts';
import { EXTRACTIVE_DEFAULTS } from '../src/summarize/defaults.ts';
import { buildStoryModel } from '../src/summarize/story-model.ts';
import { stem, words } from '../src/text/tokens.ts';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'summarization');
const SETS = [
  ['allsides.mds.jsonl', 60],
  ['multinews-val.mds.jsonl', 250],
] as const;
const RIDGE = 1e-6;

interface Row {
  readonly id: string;
  readonly articles: readonly { title?: string; text: string }[];
  readonly references: readonly string[];
}

const dropped = new Set((process.env.FIT_DROP ?? '').split(',').filter((f) => f !== ''));
const names = CONCEPT_FEATURES.filter((f) => !dropped.has(f));
const columns = names.map((n) => CONCEPT_FEATURES.indexOf(n));
const width = names.length + 1;

const xs: Float64Array[] = [];
const ys: number[] = [];
const weights: number[] = [];
for (const [file, limit] of SETS) {
  const rows = readFileSync(join(DATA, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row);
  const start = xs.length;
  rows.forEach((row, k) => {
    if (k % 2 !== 0) return;
    const articles: Article[] = row.articles.map((a, i) => ({
      id: `${row.id}#${i}`, title: a.title ?? '', text: a.text, source: '', url: null, path: null, published: null,
    }));
    const model = buildStoryModel(articles, EXTRACTIVE_DEFAULTS);
    const f = conceptFeatures(model.candidates, articles, model.byArticle.map((a) => a.length));
    const referencePairs = new Set<string>();
    for (const reference of row.references) {
      const stems = words(reference.split(/\s+/).filter((w) => w !== '').slice(0, limit).join(' ')).map(stem);
      for (let i = 1; i < stems.length; i += 1) referencePairs.add(`${stems[i - 1]} ${stems[i]}`);
    }
    const label = new Int8Array(f.count);
    model.candidates.forEach((c, i) => {
      const stems = c.tokens.map(stem);
      f.pairsAt[i]!.forEach((id, k) => {
        if (referencePairs.has(`${stems[k]} ${stems[k + 1]}`)) label[id] = 1;
      });
    });
    for (let id = 0; id < f.count; id += 1) {
      const x = new Float64Array(width);
      x[0] = 1;
      columns.forEach((col, j) => {
        x[j + 1] = f.features[id * CONCEPT_FEATURES.length + col]!;
      });
      xs.push(x);
      ys.push(label[id]!);
      weights.push(1);
    }
  });
  const n = xs.length - start;
  for (let i = start; i < xs.length; i += 1) weights[i] = 1 / n;
  const positives = ys.slice(start).reduce((a, b) => a + b, 0);
  console.error(`${file}: ${n} pairs, ${((100 * positives) / n).toFixed(1)}% in the reference`);
}

// Newton's method from the current coefficients (a refit with the same features converges in a step or two).
const w = new Float64Array(width);
w[0] = CONCEPT_MODEL.bias;
names.forEach((n, j) => {
  w[j + 1] = CONCEPT_MODEL[n];
});
for (let iteration = 0; iteration < 20; iteration += 1) {
  const gradient = new Float64Array(width);
  const hessian = Array.from({ length: width }, () => new Float64Array(width));
  xs.forEach((x, i) => {
    let z = 0;
    for (let a = 0; a < width; a += 1) z += w[a]! * x[a]!;
    const p = 1 / (1 + Math.exp(-z));
    const error = weights[i]! * (p - ys[i]!);
    const curvature = weights[i]! * p * (1 - p);
    for (let a = 0; a < width; a += 1) {
      if (x[a] === 0) continue;
      gradient[a] = gradient[a]! + error * x[a]!;
      const row = hessian[a]!;
      for (let b = a; b < width; b += 1) row[b] = row[b]! + curvature * x[a]! * x[b]!;
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
  console.error(`iteration ${iteration}: step ${size.toFixed(6)}`);
  if (size < 1e-6) break;
}
console.log(`  bias: ${w[0]!.toFixed(3)},`);
names.forEach((n, j) => console.log(`  ${n}: ${w[j + 1]!.toFixed(3)},`));
