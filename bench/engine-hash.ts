// `npm run engine-hash`: one SHA-256 over everything the story engine decides on a fixed input, so that a
// change claimed to keep the engine's output ("engine hash unchanged") can be checked: run it before and
// after, compare the line `engine hash`. The input, each part through a fresh engine in a fixed order:
//   - seeds/ (the repo's sample articles, read as the CLI reads them),
//   - the first SLICE articles, in stream order, of each clustering dev set in ../shared/data/clustering
//     (when that folder is absent, e.g. in a plain clone, those parts are skipped and named as skipped: the
//     hash then covers fewer inputs, and the printed input list says which),
//   - SYNTHETIC articles of the speed bench's synthetic stream (seed 42): rewrites, noise, many stories.
// For every article: its assignment and its explanation right after it was placed (what `news-digest
// explain` shows then), and after each part the final stories. Numbers are hashed as JSON writes them
// (shortest round-trip text), so any change in a score shows.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStoryEngine } from '../src/cluster/engine.ts';
import type { StoryEngine } from '../src/cluster/types.ts';
import type { Article } from '../src/domain/article.ts';
import { readArticleFiles } from '../src/ingest/file-source.ts';
import { DATA_DIR, loadSets } from './cluster-data.ts';
import { syntheticStream } from './cluster-speed.bench.ts';

/** Articles taken from the start of each dev set: every row of the small sets, a fixed prefix of the big ones. */
export const SLICE = 1000;
export const SYNTHETIC = 2000;
/** The dev sets the hash covers when ../shared is present (cluster-data.ts names). */
const DEV_SETS = ['basil', 'multinews-val', 'allsides', 'uci-sample'] as const;

export interface HashPart {
  readonly name: string;
  readonly articles: readonly Article[];
}

export interface PartHash {
  readonly name: string;
  readonly articles: number;
  readonly stories: number;
  readonly sha256: string;
}

/**
 * Runs one part through a fresh engine and hashes every assignment, every explanation and the final
 * stories. `newEngine` is the shipped engine with its defaults; tests pass a changed one.
 */
export function hashPart(part: HashPart, newEngine: () => StoryEngine = () => createStoryEngine()): PartHash {
  const engine = newEngine();
  const hash = createHash('sha256');
  for (const article of part.articles) {
    const assignment = engine.add(article);
    hash.update(`${JSON.stringify(assignment)}\n${JSON.stringify(engine.explain(article.id) ?? null)}\n`);
  }
  const stories = engine.stories();
  for (const story of stories) hash.update(`${JSON.stringify(story)}\n`);
  return { name: part.name, articles: part.articles.length, stories: stories.length, sha256: hash.digest('hex') };
}

/** The whole input's hash: the parts' names, sizes and hashes, in order. */
export function combine(parts: readonly PartHash[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.name}\t${part.articles}\t${part.sha256}\n`);
  return hash.digest('hex');
}

export async function engineHashInput(): Promise<{ parts: HashPart[]; skipped: string[] }> {
  const parts: HashPart[] = [];
  const { articles: seeds, problems } = await readArticleFiles([join(import.meta.dirname, '..', 'seeds')]);
  if (problems.length > 0) throw new Error(`seeds/ did not read cleanly: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
  parts.push({ name: 'seeds', articles: seeds });
  const sets = new Map(loadSets().map((set) => [set.name, set]));
  const skipped: string[] = [];
  for (const name of DEV_SETS) {
    const set = sets.get(name);
    if (set === undefined) skipped.push(name);
    else parts.push({ name: `${name}[0:${SLICE}]`, articles: set.rows.slice(0, SLICE).map((row) => row.article) });
  }
  const stream = syntheticStream(42);
  parts.push({ name: `synthetic(42)[0:${SYNTHETIC}]`, articles: Array.from({ length: SYNTHETIC }, () => stream.next()) });
  return { parts, skipped };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { parts, skipped } = await engineHashInput();
  const hashes = parts.map((part) => hashPart(part));
  for (const part of hashes) {
    console.log(`${part.name.padEnd(26)} ${String(part.articles).padStart(5)} articles ${String(part.stories).padStart(5)} stories  ${part.sha256}`);
  }
  if (skipped.length > 0) {
    console.log(`skipped (not found in ${existsSync(DATA_DIR) ? DATA_DIR : `${DATA_DIR}, which is absent`}): ${skipped.join(', ')}`);
  }
  console.log(`engine hash ${combine(hashes)} (inputs: ${hashes.map((p) => p.name).join(', ')}${skipped.length > 0 ? `; skipped: ${skipped.join(', ')}` : ''})`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
