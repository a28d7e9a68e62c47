// Full-text extraction of a news page: Readability on a linkedom DOM picks the main container; furniture
// it keeps (figures, captions, credits, bylines, datelines, related-link lists) is pruned by name and by
// link density; the text is cleaned with the same boilerplate rules as files and feeds. When Readability
// finds nothing or too little, the page's own article container (or, last, its body) is used instead.
import { Readability } from '@mozilla/readability';
import { cleanArticleText, cleanTitle } from './clean.ts';
import { parseDocument } from './extract/dom.ts';
import type { DomDocument, DomElement } from './extract/dom.ts';
import { htmlToText } from './extract/html-text.ts';
import { readMetadata } from './extract/metadata.ts';
import { pruneFurniture, pruneLinkLists } from './extract/prune.ts';

export interface ExtractedArticle {
  readonly title: string;
  /** Cleaned main text, paragraphs separated by "\n\n"; empty when the page has none. */
  readonly text: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
  /** Which path produced the text, for benchmarks and debugging. */
  readonly method: 'readability' | 'container' | 'body';
}

/** Below this many characters of cleaned text, Readability is taken to have missed the article. */
const MIN_TEXT_CHARS = 250;

// Elements publishers mark as the article body, most specific first.
const CONTAINERS = ['[itemprop="articleBody"]', 'article', '[role="main"]', 'main'];

/** Page chrome that the body fallback drops before taking all remaining text. */
const CHROME = 'header, footer, nav, aside, form, [role="banner"], [role="contentinfo"], [role="navigation"]';

/** Text of an element after pruning furniture and link lists, cleaned. */
function prunedText(element: DomElement): string {
  pruneFurniture(element);
  pruneLinkLists(element);
  return cleanArticleText(htmlToText(element));
}

/** Readability's main content as cleaned text, or null when it finds no content at all. */
export function readabilityText(document: DomDocument): { title: string | null; text: string } | null {
  // Classes are kept so that furniture inside the chosen container can still be recognized by name.
  const reader = new Readability<DomElement>(document, { serializer: (node: DomElement) => node, keepClasses: true });
  const result = reader.parse();
  if (result?.content == null) return null;
  return { title: result.title ?? null, text: prunedText(result.content) };
}

/** The page's own article container, else its body without chrome. */
function fallbackText(document: DomDocument): { text: string; method: 'container' | 'body' } {
  for (const selector of CONTAINERS) {
    const element = document.querySelector(selector);
    if (element === null) continue;
    const text = prunedText(element);
    if (text.length >= MIN_TEXT_CHARS) return { text, method: 'container' };
  }
  const body = document.body;
  if (body === null) return { text: '', method: 'body' };
  for (const element of Array.from(body.querySelectorAll(CHROME))) element.remove();
  return { text: prunedText(body), method: 'body' };
}

export function extractArticle(html: string, url?: string): ExtractedArticle {
  const document = parseDocument(html);
  const metadata = readMetadata(document, url);
  // Readability rewrites the document it reads, so it gets its own copy.
  const readable = readabilityText(parseDocument(html));
  let text = readable?.text ?? '';
  let method: ExtractedArticle['method'] = 'readability';
  if (text.length < MIN_TEXT_CHARS) {
    const fallback = fallbackText(document);
    if (fallback.text.length > text.length) ({ text, method } = fallback);
  }
  const title = cleanTitle(metadata.title ?? readable?.title ?? '');
  return { title, text, url: metadata.url, published: metadata.published, siteName: metadata.siteName, method };
}
