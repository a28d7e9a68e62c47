import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { createFetcher } from '../../../src/ingest/fetch/safe-fetch.ts';
import { createFeedPoller } from '../../../src/ingest/feeds/poller.ts';
import type { PollerDeps } from '../../../src/ingest/feeds/poller.ts';
import { createMemoryFeedStateStore } from '../../../src/ingest/feeds/state-store.ts';
import type { LocalServer } from '../fetch/local-server.ts';
import { startServer, TEST_POLICY } from '../fetch/local-server.ts';
import { RSS2 } from './fixtures.ts';

const rss = (items: string): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${items}</channel></rss>`;
const item = (n: number, description = `Short teaser ${n}.`): string =>
  `<item><title>Item ${n}</title><link>LINK/articles/${n}</link><description>${description}</description></item>`;
const LONG = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');

let server: LocalServer;
let growing = [item(1), item(2)];
beforeAll(async () => {
  server = await startServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS2);
    },
    '/growing.xml': (_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(rss(growing.join('').replaceAll('LINK', server.origin))),
    '/teasers.xml': (_req, res) => res.writeHead(200).end(rss((item(1) + item(2, LONG)).replaceAll('LINK', server.origin))),
    '/articles/1': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><nav>Menu</nav><article>${LONG} full story.</article></body></html>`),
    '/latin1.xml': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }) // wrong label: the bytes are Latin-1
        .end(iconv.encode('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9 News</title></channel></rss>', 'latin1')),
    '/home': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>'),
    '/plain-page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>No feed here</body></html>'),
    '/gone.xml': (_req, res) => res.writeHead(410).end(),
    '/broken.xml': (_req, res) => res.writeHead(500).end(),
    '/busy.xml': (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end(),
    '/slow.xml': () => undefined,
  });
});
afterAll(() => server.close());

function setup(extra: Partial<PollerDeps> = {}) {
  let now = Date.parse('2025-01-01T00:00:00Z');
  const clock = { now: () => now, advanceTo: (ms: number) => (now = Math.max(now, ms)) };
  const store = createMemoryFeedStateStore();
  const fetcher = createFetcher({ policy: TEST_POLICY, options: { totalTimeoutMs: 300 } });
  const poller = createFeedPoller({ fetcher, store, now: clock.now, random: () => 0.5, ...extra });
  return { clock, store, poller };
}
const count = (path: string): number => server.requests.filter((r) => r.path === path).length;

describe('feed poller', () => {
  it('polls a feed shared by several channels once, at its hash-spread slot, then uses conditional GET', async () => {
    const { clock, poller } = setup();
    const url = server.url('/feed.xml');
    poller.setFeeds([url, ` ${url}`, url.replace('http://', 'HTTP://')]);
    expect(poller.feeds()).toEqual([url]);
    expect(await poller.due()).toEqual([]);
    const dueAt = (await poller.nextDueAt()) ?? 0;
    expect(dueAt - clock.now()).toBeLessThanOrEqual(15 * 60_000);
    clock.advanceTo(dueAt);
    const first = await poller.pollDue();
    expect(first.articles.map((a) => a.title)).toEqual(['Council approves & funds new bridge', 'No link here']);
    expect(first.articles[0]?.text).toContain('Work starts in May.');
    clock.advanceTo((await poller.nextDueAt()) ?? 0);
    const second = await poller.pollDue();
    expect(second.outcomes.map((o) => o.status)).toEqual(['not-modified']);
    expect(server.requests.filter((r) => r.path === '/feed.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('returns only items it has not seen before', async () => {
    const { poller } = setup();
    const url = server.url('/growing.xml');
    expect((await poller.pollFeed(url)).articles).toHaveLength(2);
    growing = [item(3), ...growing];
    expect((await poller.pollFeed(url)).articles.map((a) => a.title)).toEqual(['Item 3']);
  });

  it('backs off exponentially on failures and honours Retry-After', async () => {
    const { clock, poller } = setup();
    const broken = server.url('/broken.xml');
    const first = await poller.pollFeed(broken);
    expect(first.state.lastError).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 500 });
    expect(Date.parse(first.state.nextPollAt) - clock.now()).toBe(60_000); // random 0.5 = no jitter
    const second = await poller.pollFeed(broken);
    expect([second.state.consecutiveFailures, Date.parse(second.state.nextPollAt) - clock.now()]).toEqual([2, 120_000]);
    const busy = await poller.pollFeed(server.url('/busy.xml'));
    expect(Date.parse(busy.state.nextPollAt) - clock.now()).toBe(3_600_000);
    const slow = await poller.pollFeed(server.url('/slow.xml'));
    expect(slow.state.lastError?.code).toBe('FETCH_TIMEOUT');
  });

  it('disables a feed on 410 Gone until it is re-enabled', async () => {
    const { clock, poller } = setup();
    const gone = server.url('/gone.xml');
    poller.setFeeds([gone]);
    expect((await poller.pollFeed(gone)).status).toBe('disabled');
    clock.advanceTo(clock.now() + 48 * 3600_000);
    expect(await poller.due()).toEqual([]);
    expect(await poller.nextDueAt()).toBeNull();
    await poller.enable(gone);
    expect(await poller.due()).toEqual([gone]);
  });

  it('follows an HTML page to its feed and fetches the feed directly afterwards', async () => {
    const { poller } = setup();
    const home = server.url('/home');
    const outcome = await poller.pollFeed(home);
    expect(outcome.articles).toHaveLength(2);
    expect(outcome.state.resolvedUrl).toBe(server.url('/feed.xml'));
    const before = count('/home');
    await poller.pollFeed(home);
    expect(count('/home')).toBe(before);
    const plain = await poller.pollFeed(server.url('/plain-page'));
    expect(plain.state.lastError?.code).toBe('FEED_NOT_A_FEED');
  });

  it('decodes by the XML declaration when the HTTP charset label is wrong', async () => {
    const { poller } = setup();
    expect((await poller.pollFeed(server.url('/latin1.xml'))).state.title).toBe('Café News');
  });

  it('fetches the article page for teaser items only, through the injected extractor', async () => {
    const extract = (html: string) => ({ title: '', text: /<article>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '' });
    const { poller } = setup({ extract, options: { teaserMinWords: 20 } });
    const outcome = await poller.pollFeed(server.url('/teasers.xml'));
    const [teaser, long] = outcome.articles;
    expect(teaser?.text).toContain('full story.');
    expect(long?.text).toBe(LONG);
    expect([count('/articles/1'), count('/articles/2')]).toEqual([1, 0]);
  });

  it('keeps the teaser and reports a warning when the article page fails', async () => {
    const warnings: string[] = [];
    const extract = () => {
      throw new Error('extractor exploded');
    };
    const { poller } = setup({ extract, options: { teaserMinWords: 20 }, onWarning: (m) => warnings.push(m) });
    const outcome = await poller.pollFeed(server.url('/teasers.xml'));
    expect(outcome.articles[0]?.text).toBe('Short teaser 1.');
    expect(warnings).toHaveLength(1);
  });
});
