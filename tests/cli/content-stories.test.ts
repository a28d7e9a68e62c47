// Issue 19, "content that should not become a story": run as the real bin on small files, plus the
// text width of a terminal that reports 0 columns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForCli } from '../../src/cli/render-format.ts';
import type { DigestJson } from '../../src/digest/digest-json.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { captureIo, SEED, SEEDS, tempDir } from '../helpers.ts';
import { runBin } from './run-bin.ts';

const dir = tempDir('news-digest-content-');
const opts = () => ({ cwd: dir.path, env: { STORE_URL: 'memory:' } });

beforeAll(() => {
  writeFileSync(join(dir.path, 'hi.html'), '<p>hi</p>\n');
  mkdirSync(join(dir.path, 'colon'));
  writeFileSync(
    join(dir.path, 'colon', 'nato.md'),
    '---\ntitle: NATO chief: membership not on the table\nsource: Example Wire\n---\n' +
      'NATO Secretary General Mark Rutte said on Friday that membership for Ukraine was not on the table in any talks. ' +
      'He spoke in Brussels after a meeting of defence ministers.\n',
  );
  writeFileSync(join(dir.path, 'broken.md'), '---\ntitle: Talks: no deal\nurl: [not closed\n---\nSome body text that is long enough to read.\n');
  writeFileSync(join(dir.path, 'colon.yaml'), 'channels:\n  - id: t\n    platform: console\n    schedule: { cron: "0 8 * * *", timezone: UTC }\nstore:\n  url: memory:\n');
});
afterAll(() => dir.remove());

describe('content that should not become a story', () => {
  it('leaves out a story with no headline or summary sentence, and says so', async () => {
    const text = await runBin(['digest', '--sources', 'hi.html'], opts());
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('No stories yet.\n');
    expect(text.stderr).toContain('left out a story from hi.html: no headline or summary sentence could be drawn from its text');
    const json = await runBin(['digest', '--sources', 'hi.html', '--format', 'json'], opts());
    expect((JSON.parse(json.stdout) as DigestJson).stories).toEqual([]);
  });

  it('accepts a front-matter title holding a colon', async () => {
    const result = await runBin(['digest', '--sources', 'colon', '--format', 'json'], opts());
    expect(result.stderr).toBe('');
    const digest = JSON.parse(result.stdout) as DigestJson;
    expect(digest.stories[0]?.articles[0]?.title).toBe('NATO chief: membership not on the table');
    expect(digest.stories[0]?.articles[0]?.source).toBe('Example Wire');
  });

  it('says how to fix front matter it cannot read, and a config value holding a colon', async () => {
    const result = await runBin(['digest', '--sources', 'broken.md'], opts());
    expect(result.stderr).toMatch(/skipped .*broken\.md: invalid front matter: .* \(put a value that holds a colon in quotes, e\.g\. title: "NATO chief: no talks"\)/);
    const config = (() => {
      try {
        loadConfig({ path: 'colon.yaml', env: {}, cwd: dir.path });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(config).toContain('put a value that holds a colon in quotes, e.g. url: "memory:"');
  });

  it('calls an outlet nothing names "unknown outlet", in text and in JSON, never the file name', async () => {
    const json = await runBin(['digest', '--sources', SEEDS, '--format', 'json'], opts());
    const articles = (JSON.parse(json.stdout) as DigestJson).stories.flatMap((s) => s.articles);
    const unnamed = articles.find((a) => (a.path ?? '').includes(SEED.interviewB));
    expect(unnamed?.source).toBe('unknown outlet');
    for (const article of articles) expect(article.source).not.toMatch(/^\d{3}_[0-9a-f]{16}$/);
    const text = await runBin(['digest', '--sources', SEEDS], opts());
    expect(text.stdout).toContain(`unknown outlet: ${join(SEEDS, `${SEED.interviewB}.txt`)}`);
  });
});

describe('text width', () => {
  const digest = { generatedAt: '2025-03-14T09:00:00Z', stories: [story()] };

  it('wraps at 80 columns on a terminal that reports 0 columns, not one word per line', () => {
    const io = captureIo();
    const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 0 });
    const text = renderForCli(digest, 'text', { ...io, stdout });
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(60);
  });
});

function story() {
  const sentence = 'The harbour of the town reopened on Monday after two weeks of repairs to the pier, the mayor said in a statement to reporters.';
  return {
    id: 's-1',
    headline: 'Harbour reopens after repairs',
    summary: [{ text: sentence, sources: ['a-1'], markers: [1] }],
    sources: [{ n: 1, article: { id: 'a-1', title: 'Harbour reopens', text: sentence, source: 'Town Gazette', url: 'https://gazette.example/harbour', path: null, published: null }, rewrites: [] }],
    articleCount: 1,
    firstSeen: null,
    lastUpdated: null,
  };
}

describe('story and explain output', () => {
  it('suggests, when nothing matches, the headline the digest shows for that story', async () => {
    const digest = await runBin(['digest', '--sources', SEEDS, '--format', 'json'], opts());
    const headlines = (JSON.parse(digest.stdout) as DigestJson).stories.map((s) => s.headline);
    const story = await runBin(['story', 'zebra', 'crossing', '--sources', SEEDS], opts());
    expect(story.code).toBe(1);
    const suggested = story.stdout.split('\n').filter((line) => line.startsWith('  - ')).map((line) => line.slice(4));
    expect(suggested.length).toBeGreaterThan(0);
    for (const headline of suggested) expect(headlines).toContain(headline);
  });

  it('explains an article that opened a story against what it was measured', async () => {
    const env = { STORE_URL: `sqlite://${join(dir.path, 'explain.sqlite')}` };
    await runBin(['ingest', SEEDS], { cwd: dir.path, env });
    const json = await runBin(['digest', '--format', 'json'], { cwd: dir.path, env });
    const opener = (JSON.parse(json.stdout) as DigestJson).stories[0]?.articles.find((a) => (a.path ?? '').includes(SEED.report));
    const result = await runBin(['explain', opener?.id ?? ''], { cwd: dir.path, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/new-story s-\w+\n {2}(no earlier story was a candidate|join probability for the best candidate story)/);
  });
});
