// `node bench/run.ts summarize`: summary quality (ROUGE) and speed, as ../shared/EVALUATION.md describes.
// 1. Our ROUGE against the official ROUGE-1.5.5 scores of DUC 2004 task 2 (shipped in duc2004-rouge/).
// 2. ROUGE-1/2/L of the extractive summarizer next to the lead and centroid baselines, on AllSides (cut at
//    60 words) and Multi-News validation (cut at 250 words), one configuration for both.
// 3. The time to summarize one story of 50 articles.
// SUMMARIZE_BENCH_ROWS=N limits each set to its first N rows (quick runs while tuning).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/domain/article.ts';
import { EXTRACTIVE_DEFAULTS } from '../src/summarize/defaults.ts';
import { centroidBaseline, leadBaseline } from '../src/summarize/eval/baselines.ts';
import { meanReport, rouge, rougeN, rougeTokens, type RougeReport } from '../src/summarize/eval/rouge.ts';
import { summarizeStory } from '../src/summarize/extractive.ts';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'summarization');
const DUC = join(DATA, 'duc2004-rouge');
const ROW_LIMIT = Number(process.env.SUMMARIZE_BENCH_ROWS ?? '0');
// Target from EVALUATION.md: R-2 F at least this many points above the lead baseline on each set.
const R2_MARGIN_TARGET = 2;
const TIMING_TARGET_MS = 50;

interface Row {
  readonly id: string;
  readonly articles: readonly { title?: string; text: string; source?: string; url?: string }[];
  readonly references: readonly string[];
}

const SETS = [
  { name: 'AllSides', file: 'allsides.mds.jsonl', words: 60 },
  { name: 'Multi-News val', file: 'multinews-val.mds.jsonl', words: 250 },
] as const;

export default async function summarizeBench(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`summarize bench: no data at ${DATA}; skipped`);
    return;
  }
  ducCheck();
  for (const set of SETS) evaluateSet(set.name, join(DATA, set.file), set.words);
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

function loadRows(file: string): Row[] {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row);
  return ROW_LIMIT > 0 ? rows.slice(0, ROW_LIMIT) : rows;
}

function toArticles(row: Row): Article[] {
  return row.articles.map((a, i) => ({
    id: `${row.id}#${i}`,
    title: a.title ?? '',
    text: a.text,
    source: a.source ?? '',
    url: a.url ?? null,
    path: null,
    published: null,
  }));
}

function evaluateSet(name: string, file: string, words: number): void {
  const rows = loadRows(file);
  // The summarizer gets the evaluation's word count as its hard budget (it never cuts a sentence, so its
  // summaries end at or under the cut); the evaluation cuts every system (lead and centroid fill up to it).
  const budget = { minSentences: 1, maxSentences: 100, maxWords: words };
  const systems = {
    lead: [] as RougeReport[],
    centroid: [] as RougeReport[],
    ours: [] as RougeReport[],
  };
  let uncited = 0;
  let sentences = 0;
  const started = performance.now();
  for (const row of rows) {
    const articles = toArticles(row);
    const summary = summarizeStory({ articles }, budget, EXTRACTIVE_DEFAULTS);
    sentences += summary.sentences.length;
    uncited += summary.sentences.filter((s) => s.sources.length === 0).length;
    const ours = summary.sentences.map((s) => s.text).join(' ');
    systems.ours.push(rouge(ours, row.references, words));
    systems.lead.push(rouge(leadBaseline(articles, words), row.references, words));
    systems.centroid.push(rouge(centroidBaseline(articles, words), row.references, words));
  }
  const elapsed = performance.now() - started;
  const lead = meanReport(systems.lead);
  const centroid = meanReport(systems.centroid);
  const ours = meanReport(systems.ours);
  console.log(`\n${name}: ${rows.length} stories, summaries cut at ${words} words (${(elapsed / 1000).toFixed(1)} s)`);
  console.log(`  ${'system'.padEnd(10)} ${'R-1 F'.padStart(7)} ${'R-1 R'.padStart(7)} ${'R-2 F'.padStart(7)} ${'R-2 R'.padStart(7)} ${'R-L F'.padStart(7)}`);
  for (const [label, report] of [['lead', lead], ['centroid', centroid], ['ours', ours]] as const) {
    const cells = [report.rouge1.f, report.rouge1.recall, report.rouge2.f, report.rouge2.recall, report.rougeL.f];
    console.log(`  ${label.padEnd(10)} ${cells.map((v) => (100 * v).toFixed(2).padStart(7)).join(' ')}`);
  }
  const margin = 100 * (ours.rouge2.f - lead.rouge2.f);
  const verdict = margin >= R2_MARGIN_TARGET ? 'met' : 'NOT met';
  console.log(`  R-2 F vs lead: ${margin >= 0 ? '+' : ''}${margin.toFixed(2)} points (target >= +${R2_MARGIN_TARGET}: ${verdict})`);
  console.log(`  sentences without a citation: ${uncited} of ${sentences}`);
  console.log('  (held-out test splits are not in ../shared/data; they are scored separately)');
}

function timing(): void {
  // A 50-article story from real text: the Multi-News articles in file order, ~4 KB each on average.
  const rows = readFileSync(join(DATA, 'multinews-val.mds.jsonl'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row);
  const articles = rows.flatMap(toArticles).slice(0, 50);
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
