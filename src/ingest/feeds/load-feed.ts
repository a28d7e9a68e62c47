// Fetch, decode, autodiscover and parse one feed URL. Shared by the poller and `feed check`.
import { decodeBody } from '../fetch/charset.ts';
import type { Fetcher } from '../fetch/safe-fetch.ts';
import { discoverFeeds, looksLikeHtmlPage } from './discovery.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParsedFeed } from './types.ts';
import { FeedParseError } from './types.ts';

export interface LoadFeedRequest {
  readonly url: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type LoadFeedResult =
  | { readonly kind: 'not-modified'; readonly url: string; readonly etag: string | null; readonly lastModified: string | null }
  | {
      readonly kind: 'ok';
      readonly feed: ParsedFeed;
      /** URL the feed was finally read from: after redirects and autodiscovery. */
      readonly url: string;
      /** Set when `url` was found on an HTML page: the poller fetches it directly next time. */
      readonly discoveredFrom: string | null;
      readonly encoding: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

export async function loadFeed(fetcher: Fetcher, request: LoadFeedRequest): Promise<LoadFeedResult> {
  const first = await fetcher.fetch(request);
  if (first.kind === 'not-modified') return first;
  let fetched = first;
  let decoded = decodeBody(first.body, first.contentType);
  let discoveredFrom: string | null = null;
  if (looksLikeHtmlPage(decoded.text, first.contentType)) {
    const candidate = discoverFeeds(decoded.text, first.url)[0];
    if (candidate === undefined) {
      throw new FeedParseError('FEED_NOT_A_FEED', 'an HTML page without a <link rel="alternate"> feed', request.url);
    }
    // One hop only: a feed link that leads to another HTML page is not followed further.
    const second = await fetcher.fetch({ url: candidate.url });
    if (second.kind === 'not-modified') throw new FeedParseError('FEED_NOT_A_FEED', 'discovered feed answered 304 to an unconditional GET', candidate.url);
    fetched = second;
    decoded = decodeBody(second.body, second.contentType);
    discoveredFrom = request.url;
  }
  const feed = await parseFeed(decoded.text, fetched.url);
  return {
    kind: 'ok',
    feed,
    url: fetched.url,
    discoveredFrom,
    encoding: decoded.encoding,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
  };
}
