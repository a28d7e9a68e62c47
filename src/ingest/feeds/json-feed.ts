// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). Validated with zod, leniently: a bad
// item is skipped rather than failing the feed, as long as the document is a JSON Feed at all.
import { z } from 'zod';
import { canonicalUrl, resolveUrl } from './canonical-url.ts';
import { parseFeedDate } from './dates.ts';
import { htmlToText } from './html-text.ts';
import { makeItemId } from './item-id.ts';
import type { FeedItem, ParsedFeed } from './types.ts';
import { FeedParseError } from './types.ts';

const optionalString = z.string().optional().catch(undefined);
const author = z.object({ name: optionalString }).passthrough();

const itemSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional().catch(undefined),
    url: optionalString,
    external_url: optionalString,
    title: optionalString,
    summary: optionalString,
    content_html: optionalString,
    content_text: optionalString,
    date_published: optionalString,
    date_modified: optionalString,
    author: author.optional().catch(undefined), // 1.0
    authors: z.array(author).optional().catch(undefined), // 1.1
  })
  .passthrough();

const feedSchema = z
  .object({
    version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/),
    title: optionalString,
    home_page_url: optionalString,
    items: z.array(z.unknown()).catch([]),
  })
  .passthrough();

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError('FEED_PARSE', `invalid JSON: ${(error as Error).message}`, feedUrl, { cause: error });
  }
  const feed = feedSchema.safeParse(data);
  if (!feed.success) throw new FeedParseError('FEED_NOT_A_FEED', 'JSON without a jsonfeed.org version', feedUrl);
  const title = htmlToText(feed.data.title ?? '');
  const source = title || (resolveUrl(feedUrl) === null ? feedUrl : new URL(feedUrl).hostname);
  const items: FeedItem[] = [];
  for (const entry of feed.data.items) {
    const parsed = itemSchema.safeParse(entry);
    if (!parsed.success) continue;
    const item = parsed.data;
    const link = resolveUrl(item.url ?? item.external_url, feedUrl);
    const guid = item.id === undefined ? null : String(item.id);
    const content = item.content_html ?? (item.content_text === undefined ? null : escapeHtml(item.content_text));
    const itemTitle = htmlToText(item.title ?? '');
    const summary = item.summary === undefined ? null : escapeHtml(item.summary);
    items.push({
      id: makeItemId(link, feedUrl, guid, `${itemTitle}\n${summary ?? content ?? ''}`),
      guid,
      link,
      url: link === null ? null : canonicalUrl(link),
      title: itemTitle,
      author: item.authors?.[0]?.name ?? item.author?.name ?? null,
      published: parseFeedDate(item.date_published) ?? parseFeedDate(item.date_modified),
      summary,
      content,
      source,
    });
  }
  return { format: 'json', title, link: resolveUrl(feed.data.home_page_url, feedUrl), feedUrl, items, recovered: false };
}
