// A feed item as the domain Article every later step reads.
import type { Article } from '../../domain/article.ts';
import { htmlToText } from './html-text.ts';
import type { FeedItem } from './types.ts';

/** Cleans article text (boilerplate lines, repeats); src/ingest/clean.ts's cleanArticleText fits. */
export type CleanText = (raw: string) => string;

const UNTITLED_WORDS = 12;

/** The item's own text: content when present, else the summary, as plain text. */
export function itemText(item: FeedItem): string {
  return htmlToText(item.content ?? item.summary ?? '');
}

export function toArticle(item: FeedItem, fullText: string | null, clean?: CleanText): Article {
  const raw = fullText ?? itemText(item);
  const text = clean === undefined ? raw : clean(raw) || raw;
  // Some feeds (microblogs, JSON Feed) have untitled items; the digest still needs a headline.
  const title = item.title || text.split(/\s+/).slice(0, UNTITLED_WORDS).join(' ');
  return { id: item.id, title, text, source: item.source, url: item.url, path: null, published: item.published };
}
