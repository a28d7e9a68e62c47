// One fetch of a feed or article page with every guard a public feed reader needs: http(s) only, manual
// redirects (each hop re-checked, at most N, loops detected), a total timeout, a body cap counted after
// decompression, conditional GET, a per-host concurrency limit and typed errors the poller can act on.
import { createAddressChecker } from './address-policy.ts';
import { blockedAddressError, FetchError } from './errors.ts';
import type { FetchLike } from './guarded-fetch.ts';
import { createGuardedFetch } from './guarded-fetch.ts';
import { createHostLimiter } from './host-limiter.ts';
import type { AddressPolicy, FetchOptions } from './options.ts';
import { DEFAULT_ADDRESS_POLICY, DEFAULT_FETCH_OPTIONS } from './options.ts';
import { parseRetryAfter } from './retry-after.ts';
import { isIP } from 'node:net';

export interface FetchRequest {
  readonly url: string;
  /** Validators from the previous 200, sent as If-None-Match / If-Modified-Since. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly accept?: string;
}

export interface FetchedResource {
  readonly kind: 'ok';
  /** URL after redirects: relative links in the body resolve against it. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Uint8Array;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface NotModified {
  readonly kind: 'not-modified';
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchOutcome = FetchedResource | NotModified;

/** The fetcher port; tests of the poller use a map-backed twin (tests/ingest/feeds/fake-fetcher.ts). */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchOutcome>;
}

export interface FetcherDeps {
  /** Defaults to the connect-time-guarded node:http fetch. */
  readonly fetch?: FetchLike;
  readonly options?: Partial<FetchOptions>;
  readonly policy?: AddressPolicy;
  readonly now?: () => number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseUrl(href: string): URL {
  try {
    return new URL(href);
  } catch (error) {
    throw new FetchError('FETCH_BAD_URL', `not a valid URL: ${href}`, { url: href }, { cause: error });
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling destroys the socket: an endless body or a gzip bomb stops here, not at the end.
      await reader.cancel().catch(() => undefined);
      throw new FetchError('FETCH_TOO_LARGE', `body exceeds ${maxBytes} bytes`, { url });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Finds our own error inside wrappers (the global fetch wraps network errors in TypeError("fetch failed")). */
function findFetchError(error: unknown): FetchError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof FetchError) return current;
    current = current.cause;
  }
  return undefined;
}

export function createFetcher(deps: FetcherDeps = {}): Fetcher {
  const options: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...deps.options };
  const policy = deps.policy ?? DEFAULT_ADDRESS_POLICY;
  const checker = createAddressChecker(policy);
  const fetchFn = deps.fetch ?? createGuardedFetch({ policy, connectTimeoutMs: options.connectTimeoutMs });
  const now = deps.now ?? Date.now;
  const limiter = createHostLimiter(options.perHostConcurrency);

  // Checked for every hop even with an injected fetch, which cannot vet resolved addresses itself.
  const checkHop = (url: URL): void => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('FETCH_BAD_SCHEME', `only http and https are fetched, not ${url.protocol}`, { url: url.href });
    }
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) !== 0 && !checker.isAllowed(literal)) {
      throw blockedAddressError(literal, url.href);
    }
  };

  const headersFor = (request: FetchRequest): Record<string, string> => {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: request.accept ?? options.accept,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    return headers;
  };

  const run = async (request: FetchRequest, signal: AbortSignal): Promise<FetchOutcome> => {
    let url = parseUrl(request.url);
    const seen = new Set([url.href]);
    const headers = headersFor(request);
    for (let hop = 0; ; hop += 1) {
      checkHop(url);
      const release = await limiter.acquire(url.host);
      try {
        const response = await fetchFn(url.href, { method: 'GET', headers, signal, redirect: 'manual' });
        const location = response.headers.get('location');
        if (REDIRECTS.has(response.status) && location !== null) {
          await response.body?.cancel().catch(() => undefined);
          const next = new URL(location, url);
          if (seen.has(next.href)) {
            throw new FetchError('FETCH_REDIRECT_LOOP', `redirect loop back to ${next.href}`, { url: request.url });
          }
          if (hop >= options.maxRedirects) {
            throw new FetchError('FETCH_TOO_MANY_REDIRECTS', `more than ${options.maxRedirects} redirects`, { url: request.url });
          }
          seen.add(next.href);
          url = next;
          continue;
        }
        const etag = response.headers.get('etag');
        const lastModified = response.headers.get('last-modified');
        if (response.status === 304) return { kind: 'not-modified', url: url.href, etag, lastModified };
        if (response.status < 200 || response.status > 299) {
          await response.body?.cancel().catch(() => undefined);
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
          throw new FetchError('FETCH_HTTP_STATUS', `HTTP ${response.status} from ${url.href}`, {
            url: request.url,
            status: response.status,
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          });
        }
        const body = await readCapped(response, options.maxBodyBytes, request.url);
        return {
          kind: 'ok',
          url: url.href,
          status: response.status,
          contentType: response.headers.get('content-type'),
          body,
          etag,
          lastModified,
        };
      } finally {
        release();
      }
    }
  };

  return {
    async fetch(request: FetchRequest): Promise<FetchOutcome> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.totalTimeoutMs);
      try {
        return await run(request, controller.signal);
      } catch (error) {
        const own = findFetchError(error);
        if (own !== undefined) throw own;
        if (controller.signal.aborted) {
          throw new FetchError('FETCH_TIMEOUT', `no complete answer within ${options.totalTimeoutMs} ms`, { url: request.url }, { cause: error });
        }
        const message = error instanceof Error ? error.message : String(error);
        throw new FetchError('FETCH_NETWORK', `fetch failed: ${message}`, { url: request.url }, { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
