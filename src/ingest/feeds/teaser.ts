// Many feeds carry only a teaser ("Read more..."). When an item's own text is shorter than a threshold,
// the article page is fetched and its main text extracted by the injected extractor
// (src/ingest/extract.ts's extractArticle in production).
import { decodeBody } from '../fetch/charset.ts';
import type { Fetcher } from '../fetch/safe-fetch.ts';
import { itemText } from './to-article.ts';
import type { FeedItem } from './types.ts';

export type ExtractArticle = (html: string, url?: string) => { readonly title: string; readonly text: string };

const countWords = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;

/** True when the item links to a page and its own text is shorter than `minWords`. */
export function isTeaser(item: FeedItem, minWords: number): boolean {
  return item.url !== null && countWords(itemText(item)) < minWords;
}

/**
 * The article page's main text, or null when it is not longer than the teaser itself (a paywall, a
 * video page). Fetch and extraction errors propagate: the caller logs them and keeps the teaser.
 */
export async function fetchFullText(item: FeedItem, fetcher: Fetcher, extract: ExtractArticle): Promise<string | null> {
  if (item.url === null) return null;
  const page = await fetcher.fetch({ url: item.url, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
  if (page.kind !== 'ok') return null;
  const html = decodeBody(page.body, page.contentType).text;
  const extracted = extract(html, page.url);
  return countWords(extracted.text) > countWords(itemText(item)) ? extracted.text : null;
}
