// The parsed shape of any feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed), before it becomes an Article.
import { NewsDigestError } from '../../domain/errors.ts';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface FeedItem {
  /** stableId('a-', url) when the item links somewhere, else stableId('a-', feedUrl, guid). */
  readonly id: string;
  /** The item's own identifier (guid, atom:id, JSON id), when it has one. */
  readonly guid: string | null;
  /** Link as published, resolved against xml:base and the feed URL. */
  readonly link: string | null;
  /** Canonical link: no tracking parameters, no fragment. */
  readonly url: string | null;
  /** Plain text, markup removed and entities decoded. */
  readonly title: string;
  readonly author: string | null;
  /** ISO 8601; the updated date when the feed gives no publication date. */
  readonly published: string | null;
  /** Short description (RSS description, Atom summary), HTML as given. */
  readonly summary: string | null;
  /** Full body (content:encoded, Atom content, JSON content_html/text), HTML as given. */
  readonly content: string | null;
  /** Feed title, or the feed's host name when it has none. */
  readonly source: string;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string;
  /** The site the feed belongs to. */
  readonly link: string | null;
  readonly feedUrl: string;
  readonly items: readonly FeedItem[];
  /** The document was not well-formed and was repaired before parsing (feedparser calls this "bozo"). */
  readonly recovered: boolean;
}

export type FeedErrorCode = 'FEED_PARSE' | 'FEED_NOT_A_FEED';

/** The only error parseFeed throws. */
export class FeedParseError extends NewsDigestError {
  declare readonly code: FeedErrorCode;
  constructor(code: FeedErrorCode, message: string, feedUrl: string, options?: { cause?: unknown }) {
    super(code, message, { feedUrl }, options);
    this.name = 'FeedParseError';
  }
}
