// Story engine speed (EVALUATION.md "Speed"): a synthetic stream of base stories, rewrites with controlled
// edits and unrelated noise, ~4 KB an article, written once to a temporary JSONL file. Each size runs in its
// own child process (one core, its own peak RSS): a floor that only reads and tokenizes the text, and the
// pipeline clean -> dedupe -> cluster. Prints articles/s, per-article cost by tenth of the stream (flat =
// linear time), peak RSS and the ratio to the floor, next to the targets.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/domain/article.ts';
import { createStoryEngine } from '../src/cluster/engine.ts';
import { terms } from '../src/text/tokens.ts';
import { mulberry32 } from './bootstrap.ts';

// CLUSTER_SPEED_SIZES=2000,5000 for a quick look; the targets are stated for the default sizes.
const SIZES = (process.env['CLUSTER_SPEED_SIZES'] ?? '10000,50000,100000').split(',').map(Number);
const TARGET_RATE = 3000;
const TARGET_RSS_MB = 1024;
const TARGET_FLOOR_RATIO = 4;

// ---- synthetic stream ----------------------------------------------------------------------------------

const SYLLABLES = 'ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi'.split(' ');

function makeWords(count: number, random: () => number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const n = 1 + Math.floor(random() * 3) + (random() < 0.3 ? 1 : 0);
    let w = '';
    for (let i = 0; i < n; i += 1) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (random() < 0.4) w += 'n';
    out.add(w);
  }
  return [...out];
}

interface Generator {
  next(): Article;
}

/** Zipf-distributed vocabulary, stories with their own terms and names, 20% rewrites, 20% noise. */
export function syntheticStream(seed = 42): Generator {
  const random = mulberry32(seed);
  const vocabulary = makeWords(30_000, random);
  const names = makeWords(6_000, random).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const cumulative = new Float64Array(vocabulary.length);
  let total = 0;
  for (let i = 0; i < vocabulary.length; i += 1) cumulative[i] = total += 1 / (i + 1);
  const zipf = (): string => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  interface StorySpec {
    words: string[];
    names: string[];
  }
  const stories: StorySpec[] = [];
  const recent: Article[] = [];
  let count = 0;
  const newStory = (): StorySpec => ({
    words: Array.from({ length: 10 }, () => vocabulary[500 + Math.floor(random() * 29_000)]!),
    names: Array.from({ length: 4 }, () => pick(names)),
  });
  const sentence = (story: StorySpec | null): string => {
    const length = 12 + Math.floor(random() * 14);
    const out: string[] = [];
    for (let i = 0; i < length; i += 1) {
      const r = random();
      if (story !== null && r < 0.12) out.push(pick(story.words));
      else if (r < (story === null ? 0.04 : 0.17)) out.push(story === null ? pick(names) : pick(story.names));
      else out.push(zipf());
    }
    const first = out[0]!;
    out[0] = first[0]!.toUpperCase() + first.slice(1);
    return `${out.join(' ')}.`;
  };
  const body = (story: StorySpec | null): string => {
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 3900) {
      const paragraph = Array.from({ length: 3 + Math.floor(random() * 2) }, () => sentence(story)).join(' ');
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    return paragraphs.join('\n\n');
  };
  /** A rewrite: some words replaced, one paragraph dropped, a boilerplate line added. */
  const edit = (original: Article): string => {
    const paragraphs = original.text.split('\n\n');
    if (paragraphs.length > 3) paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 2)), 1);
    const edited = paragraphs.map((p) => p.replace(/\S+/g, (w) => (random() < 0.05 ? zipf() : w)));
    return `${edited.join('\n\n')}\n\nShare this article on social media`;
  };
  return {
    next() {
      count += 1;
      const id = `syn-${count}`;
      const published = new Date(Date.UTC(2024, 0, 1) + count * 30_000).toISOString();
      const roll = random();
      let article: Article;
      if (roll < 0.2 && recent.length > 0) {
        const original = pick(recent);
        article = { ...original, id, title: original.title, text: edit(original), source: 'mirror', published };
      } else if (roll < 0.4) {
        article = { id, title: sentence(null).slice(0, 80), text: body(null), source: 'misc', url: null, path: null, published };
      } else {
        // Stories arrive and fade: most reports are about one of the 200 most recent stories.
        if (stories.length === 0 || random() < 0.25) stories.push(newStory());
        const story = stories[Math.max(0, stories.length - 1 - Math.floor(random() * Math.min(200, stories.length)))]!;
        article = { id, title: sentence(story).slice(0, 90), text: body(story), source: `outlet-${count % 50}`, url: null, path: null, published };
      }
      recent.push(article);
      if (recent.length > 500) recent.shift();
      return article;
    },
  };
}

// ---- child: one measured run ---------------------------------------------------------------------------

interface RunResult {
  readonly mode: string;
  readonly n: number;
  readonly seconds: number;
  /** CPU seconds (user + system) of the run: the one-core cost, unaffected by other load on the machine. */
  readonly cpuSeconds: number;
  /** Microseconds per article in each tenth of the stream. */
  readonly tenths: number[];
  readonly maxRssMb: number;
  readonly cleaned: boolean;
}

async function loadCleaner(): Promise<((raw: string) => string) | null> {
  try {
    const mod = (await import('../src/ingest/clean.ts')) as { cleanArticleText?: unknown };
    return typeof mod.cleanArticleText === 'function' ? (mod.cleanArticleText as (raw: string) => string) : null;
  } catch {
    return null; // no cleaner in this tree: the bench then measures dedupe + cluster only, and says so
  }
}

async function child(file: string, n: number, mode: string): Promise<RunResult> {
  const clean = mode === 'pipeline' ? await loadCleaner() : null;
  const engine = createStoryEngine();
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const tenths: number[] = [];
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let mark = started;
  let done = 0;
  let sink = 0;
  for await (const line of lines) {
    if (done >= n) break;
    const article = JSON.parse(line) as Article;
    if (mode === 'floor') sink += terms(`${article.title}\n${article.text}`).length;
    else engine.add(clean === null ? article : { ...article, text: clean(article.text) });
    done += 1;
    if (done % (n / 10) === 0) {
      const now = performance.now();
      tenths.push(((now - mark) * 1000) / (n / 10));
      mark = now;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  if (sink < 0) console.error(sink);
  return { mode, n, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, tenths, maxRssMb: process.resourceUsage().maxRSS / 1024, cleaned: clean !== null };
}

// ---- parent ----------------------------------------------------------------------------------------------

function writeStream(file: string, n: number): void {
  const generator = syntheticStream();
  const chunks: string[] = [];
  let bytes = 0;
  writeFileSync(file, '');
  for (let i = 0; i < n; i += 1) {
    const a = generator.next();
    const line = `${JSON.stringify({ id: a.id, title: a.title, text: a.text, source: a.source, url: a.url, published: a.published })}\n`;
    chunks.push(line);
    bytes += line.length;
    if (chunks.length === 2000) writeFileSync(file, chunks.splice(0).join(''), { flag: 'a' });
  }
  writeFileSync(file, chunks.join(''), { flag: 'a' });
  console.log(`synthetic stream: ${n} articles, ${(bytes / n / 1024).toFixed(1)} KB each on average`);
}

function spawnRun(file: string, n: number, mode: string): RunResult {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, CLUSTER_SPEED_CHILD: JSON.stringify({ file, n, mode }) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`child ${mode} ${n} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as RunResult;
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-speed-'));
  const file = join(dir, 'stream.jsonl');
  try {
    writeStream(file, Math.max(...SIZES));
    console.log('articles/s from CPU time (one core; wall-clock rate in brackets, lower when the machine is shared)');
    console.log('size     floor/s        pipeline/s       target      us/article (wall) by tenth of the stream     peak RSS  x floor (CPU)');
    let cleaned = false;
    for (const n of SIZES) {
      const floor = spawnRun(file, n, 'floor');
      const run = spawnRun(file, n, 'pipeline');
      cleaned = run.cleaned;
      const rate = n / run.cpuSeconds;
      const ratio = run.cpuSeconds / floor.cpuSeconds;
      const rates = (r: RunResult): string => `${(n / r.cpuSeconds).toFixed(0).padStart(5)} (${(n / r.seconds).toFixed(0).padStart(5)})`;
      console.log(
        `${String(n).padStart(7)}  ${rates(floor)}   ${rates(run)}    ` +
          `>=${TARGET_RATE} ${rate >= TARGET_RATE ? 'met' : 'BELOW'}  ${run.tenths.map((t) => t.toFixed(0)).join(' ').padEnd(48)}  ` +
          `${run.maxRssMb.toFixed(0).padStart(5)} MB  ${ratio.toFixed(2)} (<= ${TARGET_FLOOR_RATIO} ${ratio <= TARGET_FLOOR_RATIO ? 'met' : 'BELOW'})`,
      );
      if (n === Math.max(...SIZES)) {
        console.log(`peak RSS at ${n}: ${run.maxRssMb.toFixed(0)} MB (target <= ${TARGET_RSS_MB} MB: ${run.maxRssMb <= TARGET_RSS_MB ? 'met' : 'BELOW'})`);
      }
    }
    console.log(cleaned ? 'pipeline = cleanArticleText (src/ingest/clean.ts) -> dedupe -> cluster' : 'pipeline = dedupe -> cluster (no cleaner found)');
    console.log('floor = read JSONL + tokenize and stem (src/text/tokens.ts terms); one process per run, one core');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childSpec = process.env['CLUSTER_SPEED_CHILD'];
if (childSpec !== undefined) {
  const { file, n, mode } = JSON.parse(childSpec) as { file: string; n: number; mode: string };
  process.stdout.write(JSON.stringify(await child(file, n, mode)));
}
