// End to end: spawn the real bin on seeds/ and check what a reader would want (EVALUATION.md "Seeds").
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestJson } from '../../src/digest/digest-json.ts';
import { BOILERPLATE, ROOT, SEED, tempDir } from '../helpers.ts';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'news-digest.js');
const store = tempDir();
const env = { ...process.env, STORE_URL: `sqlite://${join(store.path, 'e2e.sqlite')}`, NEWS_DIGEST_CONFIG: '' };
delete (env as Record<string, string | undefined>).NEWS_DIGEST_CONFIG;

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 20_000 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const storyOf = (json: DigestJson, seed: string) =>
  json.stories.find((s) => s.articles.some((a) => (a.path ?? '').includes(seed)));
const articleOf = (json: DigestJson, seed: string) =>
  json.stories.flatMap((s) => s.articles).find((a) => (a.path ?? '').includes(seed));

describe('news-digest on seeds/', () => {
  let json: DigestJson;
  beforeAll(async () => {
    const result = await cli(['digest', '--sources', 'seeds', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout) as DigestJson;
  });
  afterAll(() => store.remove());

  it('reads all five seed articles', () => {
    expect(json.stories.flatMap((s) => s.articles)).toHaveLength(5);
  });

  it('puts 000 and 001 in one story, with 001 marked as a rewrite of 000', () => {
    const story = storyOf(json, SEED.report);
    expect(story).toBe(storyOf(json, SEED.rewrite));
    expect(articleOf(json, SEED.rewrite)?.rewriteOf).toBe(articleOf(json, SEED.report)?.id);
    expect(articleOf(json, SEED.report)?.rewriteOf).toBeNull();
  });

  it('puts 002 and 003 in one story', () => {
    expect(storyOf(json, SEED.interviewA)).toBe(storyOf(json, SEED.interviewB));
  });

  // Known miss (issue 13, see tests/cluster/seeds.test.ts): the learned placement merges them.
  it.fails('keeps 002 and 004 away from 000/001 (known miss)', () => {
    expect(storyOf(json, SEED.pressConference)).not.toBe(storyOf(json, SEED.report));
    expect(storyOf(json, SEED.interviewA)).not.toBe(storyOf(json, SEED.report));
  });

  it('keeps boilerplate out of every headline and summary, and cites real articles', () => {
    for (const story of json.stories) {
      const ids = new Set(story.articles.map((a) => a.id));
      const lines = [story.headline, ...story.summary.map((s) => s.text)];
      for (const line of lines) for (const pattern of BOILERPLATE) expect(line).not.toMatch(pattern);
      expect(story.summary.length).toBeGreaterThanOrEqual(1);
      expect(story.summary.length).toBeLessThanOrEqual(4);
      for (const sentence of story.summary) {
        expect(sentence.sources.length).toBeGreaterThan(0);
        for (const id of sentence.sources) expect(ids.has(id)).toBe(true);
      }
    }
  });

  it('prints a readable text digest with [n] markers and numbered sources', async () => {
    const result = await cli(['digest', '--sources', 'seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^news-digest: \d stor(y|ies)/);
    expect(result.stdout).toMatch(/\[1\]/);
    expect(result.stdout).toMatch(/also republished by/);
  });

  it('ingests into the store once: a second run adds nothing', async () => {
    const first = await cli(['ingest', 'seeds']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^5 new \(1 rewrite\), 0 already stored/);
    const second = await cli(['ingest', 'seeds']);
    expect(second.stdout).toMatch(/^0 new \(0 rewrites\), 5 already stored/);
  });

  it('explains a stored article: decision, join probability and each feature of the placement model', async () => {
    await cli(['ingest', 'seeds']);
    const id = articleOf(json, SEED.interviewB)!.id;
    const result = await cli(['explain', id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${id}: (joined-story|new-story) `));
    expect(result.stdout).toMatch(/join probability for (story s-\w+|the best candidate story): 0\.\d{3}/);
    expect(result.stdout).toMatch(/feature contributions \(log-odds of joining [^)]+\):\n {4}\w+ +-?\d\.\d{3} +[+-]\d+\.\d{2}/);
    const asJson = JSON.parse((await cli(['explain', id, '--json'])).stdout) as { features: { feature: string }[] };
    expect(asJson.features.map((f) => f.feature)).toContain('cosine');
  });

  it('finds a story by query, and says so when nothing matches', async () => {
    const found = await cli(['story', 'Bloomberg', 'Hordern', '--sources', 'seeds']);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/seeds\/000_9c4c1829c626691f\.txt/);
    const missing = await cli(['story', 'volcano', 'eruption', '--sources', 'seeds']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^No story matches "volcano eruption"/);
  });

  it('reports a bad file and still digests the rest', async () => {
    const dir = tempDir();
    try {
      const { copyFileSync, writeFileSync } = await import('node:fs');
      copyFileSync(join(ROOT, 'seeds', `${SEED.report}.txt`), join(dir.path, 'good.txt'));
      writeFileSync(join(dir.path, 'broken.json'), '{"title": ');
      const result = await cli(['digest', '--sources', dir.path, '--format', 'json']);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/skipped .*broken\.json: /);
      expect((JSON.parse(result.stdout) as DigestJson).stories).toHaveLength(1);
    } finally {
      dir.remove();
    }
  });
});
