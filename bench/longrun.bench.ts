// Long-running at scale (issue 14): a synthetic history through the real intake and store, as a bot that
// runs for months sees it.
// 1. Acceptance: `news-digest ingest` of 100k articles spread over 60 days into a fresh SQLite file (the
//    default config but for the store), then a cold `news-digest story` and `news-digest digest`, each a
//    new process. Baseline: the same cold commands with retention.activeDays 0 (every story stays
//    active, as before the active window: a start reads the whole store).
// 2. Soak: 90 days of at least 10,000 articles a day, dates ending today, through intake on a simulated
//    clock, restarting part-way. Per simulated day: RSS, ingest rate, digest build time. Restart time and
//    cold story (new processes) at 100k and at the end (1M).
// LONGRUN_DAYS, LONGRUN_PER_DAY and LONGRUN_ACCEPT scale it down for a quick look; targets are stated
// for the defaults.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../src/app/open-app.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { pruneArchive } from '../src/digest/archive-pruner.ts';
import { buildDigest } from '../src/digest/build-digest.ts';
import { datedHistory, writeHistoryFiles } from './longrun-data.ts';

const DAYS = Number(process.env['LONGRUN_DAYS'] ?? 90);
const PER_DAY = Number(process.env['LONGRUN_PER_DAY'] ?? 11_200);
const ACCEPT = Number(process.env['LONGRUN_ACCEPT'] ?? 100_000);
const ACCEPT_DAYS = 60;
const BATCH = 2_000;
const DAY_MS = 86_400_000;
const BIN = join(import.meta.dirname, '..', 'bin', 'news-digest.js');
// Prints the process's peak RSS (kB) on exit, for the child processes measured below.
const PEAK_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nPEAK_RSS_KB "+process.resourceUsage().maxRSS+"\\n"))`;

const TARGET = { ingestRate: 1_000, coldStorySeconds: 3, coldStoryMb: 700, restartSeconds: 15, rssMb: 1_024, rssDrift: 0.1 };

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The default config unless the run names one.
    const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
    if (env['NEWS_DIGEST_CONFIG'] === undefined) delete childEnv['NEWS_DIGEST_CONFIG'];
    const child = spawn(process.execPath, ['--import', PEAK_RSS, BIN, ...args], { env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const line = chunk.toString().trim().split('\n').at(-1) ?? '';
      if (/^ingesting: /.test(line)) console.log(`    ${line}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const peak = Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, code: code ?? -1, stdout, stderr });
    });
  });
}

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const mb = () => process.memoryUsage().rss / 2 ** 20;

async function acceptance(dir: string): Promise<void> {
  console.log(`\n1. ingest ${ACCEPT} articles over ${ACCEPT_DAYS} days into a fresh SQLite store, then cold commands`);
  const input = join(dir, 'accept-input');
  const end = new Date();
  writeHistoryFiles(input, datedHistory(ACCEPT_DAYS, ACCEPT / ACCEPT_DAYS, end));
  const store = { STORE_URL: `sqlite://${join(dir, 'accept.sqlite')}` };
  const ingest = await cli(['ingest', input], store);
  if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.stderr.slice(-500)}`);
  const added = Number(/^(\d+) new/.exec(ingest.stdout)?.[1] ?? 0);
  const rate = added / ingest.seconds;
  console.log(`   ingest: ${added} articles in ${ingest.seconds.toFixed(1)} s = ${rate.toFixed(0)}/s end to end ` +
    `(target >= ${TARGET.ingestRate}/s: ${mark(rate >= TARGET.ingestRate)}), peak RSS ${ingest.peakMb.toFixed(0)} MB`);

  // A name of the synthetic stream (seed 42) that recurs through the history.
  const query = 'Korilabi';
  const baselineConfig = join(dir, 'keep-all.yaml');
  writeFileSync(baselineConfig, [
    'channels:',
    '  - { id: terminal, platform: console, schedule: { cron: "0 8 * * *", timezone: UTC } }',
    'retention: { activeDays: 0, keepDays: 0 }',
  ].join('\n'));
  for (const [label, env] of [['active window 3 days (default)', store], ['baseline: every story active', { ...store, NEWS_DIGEST_CONFIG: baselineConfig }]] as const) {
    const story = await cli(['story', query], env);
    const digest = await cli(['digest'], env);
    const met = story.seconds <= TARGET.coldStorySeconds && story.peakMb <= TARGET.coldStoryMb;
    console.log(`   ${label}: cold story ${story.seconds.toFixed(2)} s, ${story.peakMb.toFixed(0)} MB` +
      (env === store ? ` (target <= ${TARGET.coldStorySeconds} s and <= ${TARGET.coldStoryMb} MB: ${mark(met)})` : '') +
      `; cold digest ${digest.seconds.toFixed(2)} s, ${digest.peakMb.toFixed(0)} MB; exit ${story.code}/${digest.code}`);
  }
}

async function soak(dir: string): Promise<void> {
  const total = DAYS * PER_DAY;
  console.log(`\n2. soak: ${DAYS} days x ${PER_DAY} articles a day (${total}) through intake on a simulated clock`);
  const env = { STORE_URL: `sqlite://${join(dir, 'soak.sqlite')}` };
  const loaded = loadConfig({ env, cwd: dir });
  const end = new Date();
  let now = new Date(end.getTime() - DAYS * DAY_MS);
  const open = async () => {
    const started = performance.now();
    const app = await openApp(loaded, { now: () => now });
    return { app, seconds: (performance.now() - started) / 1000 };
  };
  let { app } = await open();
  const channelIds = async () => loaded.config.channels.map((c) => c.id);
  const prune = async (target: App) => {
    let deleted = 0;
    for (;;) {
      const result = await pruneArchive({
        articles: target.articles,
        posts: target.posts,
        outbox: target.outbox,
        channelIds,
        keepMs: loaded.config.retention.keepDays * DAY_MS,
        clock: () => target.newsroom.clock(),
        isActive: (id) => target.newsroom.isActive(id),
      });
      deleted += result.articles;
      if (result.done) return deleted;
    }
  };
  const restart = async (label: string) => {
    await app.close();
    const reopened = await open();
    app = reopened.app;
    const started = performance.now();
    const digest = await buildDigest(app.newsroom.materials(), { now, size: 10, summarizer: app.summarizer, budget: app.budget });
    const first = reopened.seconds + (performance.now() - started) / 1000;
    const story = await cli(['story', 'Korilabi'], env);
    console.log(`   restart at ${label}: store open ${reopened.seconds.toFixed(2)} s, first digest (${digest.stories.length} stories) ` +
      `after ${first.toFixed(2)} s (target <= ${TARGET.restartSeconds} s: ${mark(first <= TARGET.restartSeconds)}); ` +
      `cold story (new process) ${story.seconds.toFixed(2)} s, ${story.peakMb.toFixed(0)} MB`);
  };

  console.log('   day  stored    RSS MB  ingest/s  digest ms  in memory  archive deleted');
  const rss: number[] = [];
  const history = datedHistory(DAYS, PER_DAY, end);
  let stored = 0;
  let restartedAt100k = false;
  let ingestSeconds = 0;
  for (let day = 0; day < DAYS; day += 1) {
    let dayArticles = 0;
    let daySeconds = 0;
    while (dayArticles < PER_DAY) {
      const batch = [];
      // next(), not for-of: breaking out of for-of would close the generator.
      while (batch.length < Math.min(BATCH, PER_DAY - dayArticles)) {
        const next = history.next();
        if (next.done === true) break;
        batch.push(next.value);
      }
      if (batch.length === 0) break;
      now = new Date(Date.parse(batch.at(-1)!.published!) + 60_000);
      const started = performance.now();
      const result = await app.newsroom.intake(batch);
      daySeconds += (performance.now() - started) / 1000;
      dayArticles += batch.length;
      stored += result.added.length;
    }
    ingestSeconds += daySeconds;
    const digestStarted = performance.now();
    await buildDigest(app.newsroom.materials(), { now, size: 10, summarizer: app.summarizer, budget: app.budget });
    const digestMs = performance.now() - digestStarted;
    const deleted = await prune(app);
    rss.push(mb());
    const memory = app.newsroom.memory();
    console.log(`   ${String(day + 1).padStart(3)} ${String(stored).padStart(7)} ${rss.at(-1)!.toFixed(0).padStart(9)} ` +
      `${(dayArticles / daySeconds).toFixed(0).padStart(9)} ${digestMs.toFixed(0).padStart(10)} ${String(memory.articles).padStart(10)} ` +
      `${String(deleted).padStart(16)}`);
    if (!restartedAt100k && stored >= 100_000) {
      restartedAt100k = true;
      await restart(`${stored} stored`);
    } else if (day + 1 === Math.floor(DAYS / 2)) {
      await restart(`half-way, ${stored} stored`);
    }
  }
  await restart(`the end, ${stored} stored`);
  await app.close();

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const third = Math.floor(DAYS / 3);
  const middle = mean(rss.slice(third, 2 * third));
  const last = mean(rss.slice(2 * third));
  const drift = Math.abs(last - middle) / middle;
  const peak = Math.max(...rss);
  console.log(`   ingest rate over the soak: ${(stored / ingestSeconds).toFixed(0)}/s (intake and store, no file reading; ` +
    `target >= ${TARGET.ingestRate}/s: ${mark(stored / ingestSeconds >= TARGET.ingestRate)})`);
  console.log(`   RSS: last third ${last.toFixed(0)} MB vs middle third ${middle.toFixed(0)} MB, drift ${(100 * drift).toFixed(1)}% ` +
    `(target <= ${100 * TARGET.rssDrift}%: ${mark(drift <= TARGET.rssDrift)}); peak ${peak.toFixed(0)} MB ` +
    `(target <= ${TARGET.rssMb} MB: ${mark(peak <= TARGET.rssMb)})`);
}

export default async function longrun(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'news-digest-longrun-'));
  try {
    await acceptance(dir);
    await soak(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
