// Full-text extraction of a news page: the main text (Readability on a linkedom DOM, with fallbacks),
// cleaned with the same boilerplate rules as files and feeds, plus the page's metadata.
import { Readability } from '@mozilla/readability';
import { cleanArticleText, cleanTitle } from './clean.ts';
import { parseDocument } from './extract/dom.ts';
import type { DomDocument, DomNode } from './extract/dom.ts';
import { htmlToText } from './extract/html-text.ts';
import { readMetadata } from './extract/metadata.ts';

export interface ExtractedArticle {
  readonly title: string;
  /** Cleaned main text, paragraphs separated by "\n\n"; empty when the page has none. */
  readonly text: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
  /** Which path produced the text, for benchmarks and debugging. */
  readonly method: 'readability' | 'body';
}

/** Plain Readability: its main-content DOM as text, or null when it finds nothing. */
export function readabilityText(document: DomDocument): { title: string | null; text: string } | null {
  const reader = new Readability<DomNode>(document, { serializer: (node: DomNode) => node });
  const result = reader.parse();
  if (result?.content == null) return null;
  return { title: result.title ?? null, text: htmlToText(result.content) };
}

export function extractArticle(html: string, url?: string): ExtractedArticle {
  const metadata = readMetadata(parseDocument(html), url);
  const readable = readabilityText(parseDocument(html));
  let text = readable === null ? '' : cleanArticleText(readable.text);
  let method: ExtractedArticle['method'] = 'readability';
  if (text === '') {
    const body = parseDocument(html).body;
    text = body === null ? '' : cleanArticleText(htmlToText(body));
    method = 'body';
  }
  const title = cleanTitle(metadata.title ?? readable?.title ?? '');
  return { title, text, url: metadata.url, published: metadata.published, siteName: metadata.siteName, method };
}
