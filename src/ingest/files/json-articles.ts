// .json article files: one article object or an array of them. Field names follow the common exports
// (feed readers, scrapers, datasets): text may be called text, content, body or articleBody, and may be HTML.
import { parseDocument } from '../extract/dom.ts';
import { htmlToText } from '../extract/html-text.ts';

export interface ArticleDraft {
  readonly title: string | null;
  /** Raw text, not yet cleaned. */
  readonly text: string;
  readonly url: string | null;
  readonly source: string | null;
  readonly published: string | null;
}

export type JsonItem = { readonly ok: true; readonly draft: ArticleDraft } | { readonly ok: false; readonly reason: string };

const TEXT_FIELDS = ['text', 'content', 'body', 'articleBody'] as const;
const URL_FIELDS = ['url', 'link'] as const;
const PUBLISHED_FIELDS = ['published', 'date', 'publishedAt', 'pubDate', 'datePublished'] as const;

/** Parse a JSON file into drafts, one per article; a bad item is reported without losing the others. */
export function parseJsonArticles(text: string): { ok: true; items: JsonItem[] } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return { ok: false, reason: 'JSON array has no articles' };
    return { ok: true, items: parsed.map((item, index) => withIndex(toDraft(item), index)) };
  }
  if (isRecord(parsed)) return { ok: true, items: [toDraft(parsed)] };
  return { ok: false, reason: 'JSON is neither an article object nor an array of them' };
}

function withIndex(item: JsonItem, index: number): JsonItem {
  return item.ok ? item : { ok: false, reason: `item ${index}: ${item.reason}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(record: Record<string, unknown>, fields: readonly string[]): string | null {
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && field !== 'text') return String(value);
  }
  return null;
}

function toDraft(value: unknown): JsonItem {
  if (!isRecord(value)) return { ok: false, reason: 'not an object' };
  const raw = firstString(value, TEXT_FIELDS);
  if (raw === null) return { ok: false, reason: `no text (expected one of ${TEXT_FIELDS.join(', ')})` };
  const source = value['source'];
  return {
    ok: true,
    draft: {
      title: firstString(value, ['title', 'headline']),
      text: looksLikeHtml(raw) ? htmlFragmentText(raw) : raw,
      url: firstString(value, URL_FIELDS),
      // A feed export may nest the outlet: { source: { name } }.
      source: typeof source === 'string' ? source.trim() || null : isRecord(source) ? firstString(source, ['name', 'title']) : null,
      published: firstString(value, PUBLISHED_FIELDS),
    },
  };
}

function htmlFragmentText(html: string): string {
  const body = parseDocument(html).body;
  return body === null ? html : htmlToText(body);
}

/** Markup, not prose: paragraph or break tags. A lone "<" in text ("a < b") does not count. */
function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|span|a|em|strong|h[1-6]|ul|li|blockquote)\b[^>]*>/i.test(text);
}
