import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { createFetcher } from '../../../src/ingest/fetch/safe-fetch.ts';
import { FetchError } from '../../../src/ingest/fetch/errors.ts';
import type { LocalServer } from './local-server.ts';
import { startServer, TEST_POLICY } from './local-server.ts';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
// 16 MB of zeros compresses to ~16 KB: far past the 1 MB cap used below once inflated.
const BOMB = gzipSync(Buffer.alloc(16 * 1024 * 1024));
let inFlight = 0;
let maxInFlight = 0;

let server: LocalServer;
beforeAll(async () => {
  server = await startServer({
    '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' }).end(FEED);
    },
    '/r1': (_req, res) => res.writeHead(301, { location: '/r2' }).end(),
    '/r2': (_req, res) => res.writeHead(302, { location: '/feed' }).end(),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/to-metadata': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/slow': () => undefined, // never answers
    '/drip': (_req, res) => {
      res.writeHead(200);
      res.write('<rss>'); // headers and a first byte, then nothing
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
    },
    '/bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(BOMB),
    '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(FEED)),
    '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(FEED)),
    '/gone': (_req, res) => res.writeHead(410).end('gone'),
    '/error': (_req, res) => res.writeHead(500).end('boom'),
    '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end(),
    '/concurrent': (_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.end('ok');
      }, 20);
    },
  });
});
afterAll(() => server.close());

const fetcher = (options = {}) => createFetcher({ policy: TEST_POLICY, options: { totalTimeoutMs: 2000, ...options } });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('createFetcher', () => {
  it('fetches a feed with a descriptive User-Agent and decompression accepted', async () => {
    const result = await fetcher().fetch({ url: server.url('/feed') });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(Buffer.from(result.body).toString()).toBe(FEED);
    expect(result.contentType).toBe('application/rss+xml');
    const seen = server.requests.find((r) => r.path === '/feed');
    expect(seen?.headers['user-agent']).toMatch(/^news-digest\//);
    expect(seen?.headers['accept-encoding']).toContain('br');
  });

  it('sends validators and reports 304 as not-modified', async () => {
    const f = fetcher();
    const first = await f.fetch({ url: server.url('/etag') });
    expect(first.kind).toBe('ok');
    expect(first.etag).toBe('"v1"');
    const second = await f.fetch({ url: server.url('/etag'), etag: first.etag, lastModified: first.lastModified });
    expect(second.kind).toBe('not-modified');
    const last = server.requests.filter((r) => r.path === '/etag').at(-1);
    expect(last?.headers['if-modified-since']).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('follows redirects and reports the final URL', async () => {
    const result = await fetcher().fetch({ url: server.url('/r1') });
    expect(result.url).toBe(server.url('/feed'));
  });

  it('stops redirect loops and long chains', async () => {
    expect((await failure(fetcher().fetch({ url: server.url('/loop-a') }))).code).toBe('FETCH_REDIRECT_LOOP');
    const short = fetcher({ maxRedirects: 1 });
    expect((await failure(short.fetch({ url: server.url('/r1') }))).code).toBe('FETCH_TOO_MANY_REDIRECTS');
  });

  it('re-checks every redirect hop against the address policy and scheme', async () => {
    expect((await failure(fetcher().fetch({ url: server.url('/to-metadata') }))).code).toBe('FETCH_BLOCKED_ADDRESS');
    expect((await failure(fetcher().fetch({ url: server.url('/to-file') }))).code).toBe('FETCH_BAD_SCHEME');
  });

  it('refuses loopback unless the policy allows it', async () => {
    const strict = createFetcher();
    expect((await failure(strict.fetch({ url: server.url('/feed') }))).code).toBe('FETCH_BLOCKED_ADDRESS');
    const viaName = server.url('/feed').replace('127.0.0.1', 'localhost');
    expect((await failure(strict.fetch({ url: viaName }))).code).toBe('FETCH_BLOCKED_ADDRESS');
  });

  it('times out a server that never answers, and one that stalls mid-body', async () => {
    const quick = fetcher({ totalTimeoutMs: 150 });
    expect((await failure(quick.fetch({ url: server.url('/slow') }))).code).toBe('FETCH_TIMEOUT');
    expect((await failure(quick.fetch({ url: server.url('/drip') }))).code).toBe('FETCH_TIMEOUT');
  });

  it('caps an endless body and a gzip bomb after decompression', async () => {
    const capped = fetcher({ maxBodyBytes: 1024 * 1024 });
    expect((await failure(capped.fetch({ url: server.url('/endless') }))).code).toBe('FETCH_TOO_LARGE');
    const started = performance.now();
    expect((await failure(capped.fetch({ url: server.url('/bomb') }))).code).toBe('FETCH_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('decodes brotli and deflate bodies', async () => {
    for (const path of ['/br', '/deflate']) {
      const result = await fetcher().fetch({ url: server.url(path) });
      expect(result.kind === 'ok' && Buffer.from(result.body).toString()).toBe(FEED);
    }
  });

  it('turns error statuses into typed errors with status and Retry-After', async () => {
    for (const [path, status] of [['/missing', 404], ['/gone', 410], ['/error', 500]] as const) {
      const error = await failure(fetcher().fetch({ url: server.url(path) }));
      expect([error.code, error.status]).toEqual(['FETCH_HTTP_STATUS', status]);
    }
    const busy = await failure(fetcher().fetch({ url: server.url('/busy') }));
    expect([busy.status, busy.retryAfterMs]).toEqual([503, 120_000]);
  });

  it('rejects malformed URLs and other schemes', async () => {
    expect((await failure(fetcher().fetch({ url: 'not a url' }))).code).toBe('FETCH_BAD_URL');
    expect((await failure(fetcher().fetch({ url: 'ftp://example.com/feed' }))).code).toBe('FETCH_BAD_SCHEME');
  });

  it('keeps at most perHostConcurrency requests in flight per host', async () => {
    const f = fetcher({ perHostConcurrency: 2 });
    maxInFlight = 0;
    await Promise.all(Array.from({ length: 6 }, () => f.fetch({ url: server.url('/concurrent') })));
    expect(maxInFlight).toBe(2);
  });
});
