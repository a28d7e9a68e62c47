import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedCommand, feedCommand } from '../../../src/cli/feed-command.ts';
import type { CliCommand, CliIo } from '../../../src/cli/command.ts';
import { createFetcher } from '../../../src/ingest/fetch/safe-fetch.ts';
import { createMemoryFeedStateStore } from '../../../src/ingest/feeds/state-store.ts';
import { createFeedPoller } from '../../../src/ingest/feeds/poller.ts';
import type { LocalServer } from '../fetch/local-server.ts';
import { startServer, TEST_POLICY } from '../fetch/local-server.ts';
import { BROKEN_RSS, RSS2 } from './fixtures.ts';

function fakeIo(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr, stdin: new PassThrough(), cwd, env: {} }, out: () => out, err: () => err };
}

async function run(command: CliCommand, positionals: string[], values: Record<string, boolean> = {}, cwd = tmpdir()) {
  const { io, out, err } = fakeIo(cwd);
  const code = await command.run({ positionals, values, io });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, out: out(), err: err() };
}

let server: LocalServer;
const dir = mkdtempSync(join(tmpdir(), 'feed-check-'));
beforeAll(async () => {
  server = await startServer({
    '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS2),
    '/gone.xml': (_req, res) => res.writeHead(410).end(),
  });
  writeFileSync(join(dir, 'news.xml'), RSS2);
  writeFileSync(join(dir, 'broken.xml'), BROKEN_RSS);
  writeFileSync(join(dir, 'page.html'), '<html><body>not a feed</body></html>');
});
afterAll(() => server.close());

describe('news-digest feed check', () => {
  it('prints a local file feed with normalized fields', async () => {
    const result = await run(feedCommand, ['check', 'news.xml'], {}, dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Example News  [rss, 2 items]');
    expect(result.out).toContain('url:       https://news.example.com/2025/bridge?id=7');
    expect(result.out).toContain('published: 2025-01-07T08:30:00.000Z');
  });

  it('prints JSON, marking recovered ill-formed feeds', async () => {
    const result = await run(feedCommand, ['check', 'broken.xml'], { json: true }, dir);
    const parsed = JSON.parse(result.out) as { ok: boolean; recovered: boolean; items: Array<{ title: string }> };
    expect([result.code, parsed.ok, parsed.recovered, parsed.items.length]).toEqual([0, true, true, 2]);
  });

  it('exits 1 with the error code for non-feeds, missing files and refused addresses', async () => {
    const notFeed = await run(feedCommand, ['check', 'page.html'], {}, dir);
    expect([notFeed.code, notFeed.err]).toEqual([1, expect.stringContaining('FEED_NOT_A_FEED')]);
    const missing = await run(feedCommand, ['check', 'nope.xml'], { json: true }, dir);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, error: { code: 'FEED_FILE_UNREADABLE' } });
    // The default command keeps the default safety: loopback is refused.
    const refused = await run(feedCommand, ['check', server.url('/feed.xml')]);
    expect([refused.code, refused.err]).toEqual([1, expect.stringContaining('FETCH_BLOCKED_ADDRESS')]);
  });

  it('fetches URLs through the injected fetcher', async () => {
    const command = createFeedCommand({ fetcher: createFetcher({ policy: TEST_POLICY }) });
    const ok = await run(command, ['check', server.url('/feed.xml')]);
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining('Council approves & funds new bridge')]);
    const gone = await run(command, ['check', server.url('/gone.xml')], { json: true });
    expect(JSON.parse(gone.out)).toMatchObject({ ok: false, error: { code: 'FETCH_HTTP_STATUS', context: { status: 410 } } });
  });

  it('shows feed health from the wired state store', async () => {
    const store = createMemoryFeedStateStore();
    const fetcher = createFetcher({ policy: TEST_POLICY });
    const poller = createFeedPoller({ fetcher, store, now: () => Date.parse('2025-01-01T00:00:00Z') }, [server.url('/feed.xml'), server.url('/gone.xml')]);
    await poller.pollFeed(server.url('/feed.xml'));
    await poller.pollFeed(server.url('/gone.xml'));
    const command = createFeedCommand({ loadFeedStates: () => poller.states() });
    const result = await run(command, ['health']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^DISABLED .*gone\.xml[\s\S]*FETCH_HTTP_STATUS 410[\s\S]*OK .*feed\.xml +\(Example News\)/);
    expect((await run(feedCommand, ['health'])).code).toBe(1);
  });
});
