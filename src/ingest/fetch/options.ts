// Limits and identity of the feed fetcher, in one typed constant (ARCHITECTURE.md rule 8).

export interface FetchOptions {
  /** Time allowed to open the TCP (and TLS) connection of one hop. */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole fetch: every redirect hop plus reading the body. */
  readonly totalTimeoutMs: number;
  /** Body cap in bytes, counted after decompression so a gzip bomb is cut off early. */
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
  /** Concurrent requests per host: polite to small sites that host several of our feeds. */
  readonly perHostConcurrency: number;
  readonly userAgent: string;
  readonly accept: string;
}

export const DEFAULT_FETCH_OPTIONS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  userAgent: 'news-digest/0.1 (feed reader; polls each feed at most every few minutes; honours ETag and Retry-After)',
  accept:
    'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, ' +
    'application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.7, */*;q=0.5',
} as const satisfies FetchOptions;

/** Which destination addresses the fetcher may connect to. */
export interface AddressPolicy {
  /** Allow every private, loopback and link-local address (a trusted intranet deployment). */
  readonly allowPrivate: boolean;
  /** Addresses or CIDR ranges allowed despite the block list, e.g. ["127.0.0.1"] in tests. */
  readonly allow: readonly string[];
}

export const DEFAULT_ADDRESS_POLICY = { allowPrivate: false, allow: [] } as const satisfies AddressPolicy;
