// The production `fetch` for feeds, on node:http(s) rather than the global fetch because only node:http
// lets us vet the address at connect time: the request's `lookup` hook resolves the host name and drops
// every disallowed address, so the socket can only ever open to an address that passed the check. A second
// DNS answer (rebinding) never reaches a socket without going through the same hook.
// It also decompresses gzip/deflate/br itself so the caller's size cap counts decompressed bytes.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import zlib from 'node:zlib';
import { createAddressChecker } from './address-policy.ts';
import { blockedAddressError, FetchError } from './errors.ts';
import type { AddressPolicy } from './options.ts';

export interface FetchInit {
  readonly method: 'GET';
  readonly headers: Record<string, string>;
  readonly signal: AbortSignal;
  /** Redirects are always returned to the caller, which re-checks every hop. */
  readonly redirect: 'manual';
}

/** The injected fetch port: the global fetch fits it too (without connect-time address checks). */
export type FetchLike = (url: string, init: FetchInit) => Promise<Response>;

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface GuardedFetchOptions {
  readonly policy: AddressPolicy;
  readonly connectTimeoutMs: number;
  /** DNS resolution; injectable so tests can simulate a host that resolves to a private address. */
  readonly resolve?: Resolver;
}

const systemResolver: Resolver = async (hostname) => {
  const all = await dnsLookup(hostname, { all: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function makeLookup(url: string, resolve: Resolver, isAllowed: (a: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const candidates = family === 0 ? all : all.filter((a) => a.family === family);
        const allowed = candidates.filter((a) => isAllowed(a.address));
        const first = allowed[0];
        if (first === undefined) {
          const addresses = candidates.map((a) => a.address).join(', ') || 'none';
          const error = blockedAddressError(`${hostname} (${addresses})`, url);
          callback(error as NodeJS.ErrnoException, '', 0);
        } else if (options.all === true) {
          callback(null, allowed.map((a) => ({ address: a.address, family: a.family })));
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // zlib-wrapped deflate (what HTTP specifies); createUnzip would also accept a gzip body sent mislabelled.
      return zlib.createUnzip();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

export function createGuardedFetch(options: GuardedFetchOptions): FetchLike {
  const checker = createAddressChecker(options.policy);
  const resolve = options.resolve ?? systemResolver;
  return (href, init) =>
    new Promise<Response>((settle, reject) => {
      const url = new URL(href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        reject(new FetchError('FETCH_BAD_SCHEME', `only http and https are fetched, not ${url.protocol}`, { url: href }));
        return;
      }
      // Node skips `lookup` for IP literals, so those are checked here.
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(literal) !== 0 && !checker.isAllowed(literal)) {
        reject(blockedAddressError(literal, href));
        return;
      }
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request(
        url,
        { method: init.method, headers: init.headers, signal: init.signal, lookup: makeLookup(href, resolve, checker.isAllowed) },
        (response) => {
          const status = response.statusCode ?? 0;
          const headers = toHeaders(response.headers);
          if (status < 200 || status > 599) {
            response.destroy();
            reject(new FetchError('FETCH_NETWORK', `invalid HTTP status ${status}`, { url: href }));
            return;
          }
          if (NULL_BODY_STATUSES.has(status)) {
            response.resume();
            settle(new Response(null, { status, headers }));
            return;
          }
          const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
          const decoder = decoderFor(encoding);
          let body: Readable = response;
          if (decoder !== null) {
            headers.delete('content-encoding');
            headers.delete('content-length');
            // pipeline destroys the socket if decompression fails or the reader cancels (size cap).
            body = pipeline(response, decoder, () => undefined) as unknown as Readable;
          }
          const web = Readable.toWeb(body) as NodeWebStream<Uint8Array>;
          settle(new Response(web as unknown as ReadableStream<Uint8Array>, { status, headers }));
        },
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => {
          request.destroy(new FetchError('FETCH_CONNECT_TIMEOUT', `no connection within ${options.connectTimeoutMs} ms`, { url: href }));
        }, options.connectTimeoutMs);
        socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      request.on('error', reject);
      request.end();
    });
}
