// Article text extraction on the public article-extraction-benchmark pages (../shared/data), scored with
// the benchmark's own metric (EVALUATION.md): per page, word 4-gram shingles with multiplicity, tokens \w+,
// tp/fp/fn normalized to sum 1; precision and recall averaged over pages; F1 from the two averages.
// Our extractor is measured next to plain Readability (its textContent) in the same run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/ingest/extract.ts';
import { parseDocument } from '../src/ingest/extract/dom.ts';

const DATA = join(import.meta.dirname, '../../shared/data/article-extraction');
const TARGET_F1 = 0.96;
const PUBLISHED_READABILITY_F1 = 0.947;

export type Counts = readonly [tp: number, fp: number, fn: number];

// Python's \w in Unicode mode: letters, marks, digits and the underscore.
const TOKEN = /[\p{L}\p{M}\p{Nd}_]+/gu;

/** Shingles of n tokens with their counts; a text shorter than n is one shingle (as in the benchmark). */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i += 1) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (shingle !== '') counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** tp/fp/fn of one page over shingles with multiplicity, normalized to sum 1 so every page weighs the same. */
export function shingleCounts(truth: string, prediction: string): Counts {
  const expected = shingles(truth);
  const predicted = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...expected.keys(), ...predicted.keys()])) {
    const t = expected.get(key) ?? 0;
    const p = predicted.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

/** Precision over pages with a prediction, recall over pages with a truth (the benchmark's rule). */
export function score(pages: readonly Counts[]): { precision: number; recall: number; f1: number } {
  const precisions = pages.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp)));
  const recalls = pages.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn)));
  const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function plainReadability(html: string): string {
  const result = new Readability(parseDocument(html)).parse();
  return result?.textContent ?? '';
}

const format = (s: { precision: number; recall: number; f1: number }): string =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

export default async function (): Promise<void> {
  const truthPath = join(DATA, 'ground-truth.json');
  if (!existsSync(truthPath)) {
    console.log(`extraction: no data at ${DATA}; skipped`);
    return;
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const ours: Counts[] = [];
  const baseline: Counts[] = [];
  const worst: { id: string; f1: number; method: string }[] = [];
  let oursMs = 0;
  let baselineMs = 0;
  for (const [id, expected] of Object.entries(truth).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const html = gunzipSync(readFileSync(join(DATA, 'html', `${id}.html.gz`))).toString('utf8');
    let started = performance.now();
    const extracted = extractArticle(html, expected.url);
    oursMs += performance.now() - started;
    started = performance.now();
    const plain = plainReadability(html);
    baselineMs += performance.now() - started;
    const counts = shingleCounts(expected.articleBody, extracted.text);
    ours.push(counts);
    baseline.push(shingleCounts(expected.articleBody, plain));
    worst.push({ id, f1: score([counts]).f1, method: extracted.method });
  }
  const pages = ours.length;
  console.log(`pages: ${pages}`);
  console.log(`ours (extractArticle):  ${format(score(ours))}  ${(oursMs / pages).toFixed(1)} ms/page`);
  console.log(`plain Readability:      ${format(score(baseline))}  ${(baselineMs / pages).toFixed(1)} ms/page`);
  console.log(`target F1 >= ${TARGET_F1} (published: readability.js ${PUBLISHED_READABILITY_F1}, trafilatura 0.958)`);
  if (process.argv.includes('--worst')) {
    for (const page of worst.sort((a, b) => a.f1 - b.f1).slice(0, 15)) {
      console.log(`  ${page.f1.toFixed(3)} ${page.method.padEnd(11)} ${page.id}`);
    }
  }
}
