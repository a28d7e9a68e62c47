// `node bench/run.ts summarize`: summary quality (ROUGE) and speed, as ../shared/EVALUATION.md describes.
// 1. Our ROUGE against the official ROUGE-1.5.5 scores of DUC 2004 task 2 (shipped in duc2004-rouge/).
// 2. ROUGE-1/2/L (F and recall) of the extractive summarizer next to the lead and centroid baselines, on
//    AllSides (cut at 60 words) and Multi-News validation (cut at 250 words), one configuration for both,
//    k-fold by story (summarize-folds.ts): nothing fitted or tuned is scored on a row it was fitted on. The
//    margin over lead comes with a paired bootstrap 95% interval (bootstrap.ts).
// 3. The time to summarize one story of 50 articles.
// SUMMARIZE_BENCH_ROWS=N limits each set to its first N rows (quick runs while tuning).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTIVE_DEFAULTS } from '../src/summarize/defaults.ts';
import { meanReport, rougeN, rougeTokens, type RougeReport } from '../src/summarize/eval/rouge.ts';
import { summarizeStory } from '../src/summarize/extractive.ts';
import { pairedBootstrap } from './bootstrap.ts';
import { budgetFor, crossValidate, WEIGHT_GRID, type RowResult } from './summarize-folds.ts';
import { loadSummaryRows, rowArticles, SUMMARY_DATA, SUMMARY_SETS } from './summary-data.ts';

const DATA = SUMMARY_DATA;
const DUC = join(DATA, 'duc2004-rouge');
const ROW_LIMIT = Number(process.env.SUMMARIZE_BENCH_ROWS ?? '0');
// Target from EVALUATION.md: R-2 F at least this many points above the lead baseline on each set.
const R2_MARGIN_TARGET = 2;
const TIMING_TARGET_MS = 50;
// Rows per set on which the bench's summaries are checked against the real command's.
const CLI_CHECK_ROWS = 200;

// Folds of the cross-validation (SUMMARIZE_BENCH_FOLDS): 2 is "fit on one half, report the other", both ways.
const FOLDS = Number(process.env.SUMMARIZE_BENCH_FOLDS ?? '2');
// SUMMARIZE_BENCH_TUNE=0 keeps the weights at their defaults (a quicker run while trying an idea; not a verdict).
const TUNE = process.env.SUMMARIZE_BENCH_TUNE !== '0';

export default async function summarizeBench(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`summarize bench: no data at ${DATA}; skipped`);
    return;
  }
  ducCheck();
  cliAgreement();
  evaluate();
  timing();
  await Promise.resolve();
}

function ducCheck(): void {
  console.log('\nROUGE check on DUC 2004 task 2 (recall, first 100 words, Porter stems; ours vs official ROUGE-1.5.5)');
  const models = readdirSync(join(DUC, 'models-txt'));
  const official = officialAverages();
  console.log(`  ${'system'.padEnd(12)} ${'R-1 ours'.padStart(9)} ${'official'.padStart(9)}  ${'R-2 ours'.padStart(9)} ${'official'.padStart(9)}`);
  let worst = 0;
  for (const system of readdirSync(join(DUC, 'pertopic')).sort()) {
    const topics = readFileSync(join(DUC, 'pertopic', system), 'utf8').trim().split('\n').map((l) => l.split('\t')[0]!);
    let r1 = 0;
    let r2 = 0;
    for (const topic of topics) {
      const peer = rougeTokens(readFileSync(join(DUC, 'peers-txt', `${topic}.${system}`), 'utf8'), { wordLimit: 100 });
      const refs = models
        .filter((m) => m.startsWith(`${topic}.`))
        .map((m) => rougeTokens(readFileSync(join(DUC, 'models-txt', m), 'utf8'), { wordLimit: 100 }));
      r1 += rougeN(peer, refs, 1).recall;
      r2 += rougeN(peer, refs, 2).recall;
    }
    const ours1 = (100 * r1) / topics.length;
    const ours2 = (100 * r2) / topics.length;
    const off = official.get(system) ?? [Number.NaN, Number.NaN];
    worst = Math.max(worst, Math.abs(ours1 - off[0]), Math.abs(ours2 - off[1]));
    console.log(`  ${system.padEnd(12)} ${ours1.toFixed(2).padStart(9)} ${off[0].toFixed(2).padStart(9)}  ${ours2.toFixed(2).padStart(9)} ${off[1].toFixed(2).padStart(9)}`);
  }
  console.log(`  largest difference: ${worst.toFixed(2)} points`);
}

/** Average_R of ROUGE-1 and ROUGE-2 per system, from rouge.res. */
function officialAverages(): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const line of readFileSync(join(DUC, 'rouge.res'), 'utf8').split('\n')) {
    const m = /^(\S+) ROUGE-([12]) Average_R: ([\d.]+)/.exec(line);
    if (m === null) continue;
    const entry = out.get(m[1]!) ?? [Number.NaN, Number.NaN];
    entry[Number(m[2]) - 1] = 100 * Number(m[3]);
    out.set(m[1]!, entry);
  }
  return out;
}

/**
 * The bench summarizes through summarizeStory with budgetFor(N) so that each fold can bring its own concept
 * model; the acceptance check runs the real command. With the shipped model the two must print the same
 * sentences: checked here on the first rows of each set by running `news-digest summarize --json --words N`.
 */
function cliAgreement(): void {
  const bin = join(import.meta.dirname, '..', 'bin', 'news-digest.js');
  for (const set of SUMMARY_SETS) {
    const rows = loadSummaryRows(set.file, CLI_CHECK_ROWS);
    const input = rows.map((row) => JSON.stringify({ id: row.id, articles: row.articles })).join('\n');
    const run = spawnSync(process.execPath, [bin, 'summarize', '--json', '--words', String(set.words)], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`news-digest summarize failed (${run.status}): ${run.stderr}`);
    const printed = run.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { summary: { text: string }[] }).summary.map((x) => x.text).join(' '));
    const differ = rows.filter((row, i) => {
      const ours = summarizeStory({ articles: rowArticles(row) }, budgetFor(set.words), EXTRACTIVE_DEFAULTS);
      return ours.sentences.map((x) => x.text).join(' ') !== printed[i];
    }).length;
    console.log(`\n${set.name}: news-digest summarize --json --words ${set.words} and the bench's path agree on ${rows.length - differ} of ${rows.length} rows`);
    if (differ > 0) throw new Error(`the bench no longer summarizes as news-digest summarize does (${differ} rows differ)`);
  }
}

function evaluate(): void {
  const sets = SUMMARY_SETS.map((set) => ({ name: set.name, words: set.words, rows: loadSummaryRows(set.file, ROW_LIMIT) }));
  const grid = TUNE ? WEIGHT_GRID : [{}];
  console.log(
    `\n${FOLDS}-fold cross-validation by story (row i in fold i mod ${FOLDS}): per fold, the concept model is refitted ` +
      `on the other folds' rows of both sets${TUNE ? ` and referenceShare x wordConceptWeight chosen there from ${grid.length} points` : ''}; ` +
      'the held-out fold is scored. Lead and centroid run on the same rows.',
  );
  if (!TUNE) console.log('  SUMMARIZE_BENCH_TUNE=0: weights fixed at their defaults, which were chosen on even rows: NOT a verdict');
  const started = performance.now();
  const cv = crossValidate(sets, FOLDS, grid, EXTRACTIVE_DEFAULTS, (line) => console.log(line));
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  sets.forEach((set, s) => report(set.name, set.words, cv.results[s]!));
}

function report(name: string, words: number, results: readonly RowResult[]): void {
  const table = (pick: (r: RowResult) => RougeReport): RougeReport => meanReport(results.map(pick));
  console.log(`\n${name}: ${results.length} stories, summaries cut at ${words} words, every row scored by a fold that did not fit on it`);
  console.log(`  ${'system'.padEnd(10)} ${'R-1 F'.padStart(7)} ${'R-1 R'.padStart(7)} ${'R-2 F'.padStart(7)} ${'R-2 R'.padStart(7)} ${'R-L F'.padStart(7)} ${'R-L R'.padStart(7)}`);
  for (const [label, pick] of [['lead', (r: RowResult) => r.lead], ['centroid', (r: RowResult) => r.centroid], ['ours', (r: RowResult) => r.ours]] as const) {
    const m = table(pick);
    const cells = [m.rouge1.f, m.rouge1.recall, m.rouge2.f, m.rouge2.recall, m.rougeL.f, m.rougeL.recall];
    console.log(`  ${label.padEnd(10)} ${cells.map((v) => (100 * v).toFixed(2).padStart(7)).join(' ')}`);
  }
  const margin = pairedBootstrap(
    results.map((r) => 100 * r.ours.rouge2.f),
    results.map((r) => 100 * r.lead.rouge2.f),
  );
  const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
  const verdict = margin.mean >= R2_MARGIN_TARGET ? 'met' : 'NOT met';
  // The interval says how sure the sign and the target are: a margin whose interval holds 0 is noise.
  const certainty = margin.low > R2_MARGIN_TARGET
    ? 'interval above the target'
    : margin.low > 0
      ? `above lead beyond noise; interval ${margin.high < R2_MARGIN_TARGET ? 'below' : 'spans'} the target`
      : 'within noise of lead (interval holds 0)';
  console.log(
    `  R-2 F vs lead: ${signed(margin.mean)} points, paired bootstrap 95% [${signed(margin.low)}, ${signed(margin.high)}] ` +
      `(target >= +${R2_MARGIN_TARGET}: ${verdict}; ${certainty})`,
  );
  const sentences = results.reduce((n, r) => n + r.sentences, 0);
  const uncited = results.reduce((n, r) => n + r.uncited, 0);
  console.log(`  sentences without a citation: ${uncited} of ${sentences}`);
  console.log(`  headlines that are boilerplate: ${results.filter((r) => r.boilerplateHeadline).length} of ${results.length}`);
  console.log('  (held-out test splits are not in ../shared/data; they are scored separately)');
}

function timing(): void {
  // A 50-article story from real text: the Multi-News articles in file order, ~4 KB each on average.
  const articles = loadSummaryRows(join(DATA, 'multinews-val.mds.jsonl')).flatMap(rowArticles).slice(0, 50);
  const bytes = articles.reduce((n, a) => n + a.text.length, 0);
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 22; i += 1) {
    const t = performance.now();
    const usage = process.cpuUsage();
    summarizeStory({ articles }, EXTRACTIVE_DEFAULTS.budget, EXTRACTIVE_DEFAULTS);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
    runs.push(performance.now() - t);
  }
  // The first runs warm the JIT and the stem cache; report the median of the rest and the cold first run.
  // CPU time is printed too: on a shared machine wall time includes waiting for a core.
  const median = (xs: number[]): number => [...xs.slice(2)].sort((a, b) => a - b)[Math.floor((xs.length - 2) / 2)]!;
  const wall = median(runs);
  console.log(`\nSpeed: one story of ${articles.length} articles (${(bytes / 1024).toFixed(0)} KB)`);
  console.log(
    `  median ${wall.toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU; first (cold) run ${runs[0]!.toFixed(1)} ms ` +
      `(target < ${TIMING_TARGET_MS} ms: ${wall < TIMING_TARGET_MS ? 'met' : 'NOT met'} on wall time)`,
  );
}
