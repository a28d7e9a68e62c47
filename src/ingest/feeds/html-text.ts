// Feed titles and summaries arrive as HTML fragments; the digest needs their plain text.
import { parseHTML } from 'linkedom';

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|tr|section|article|pre)\s*>|<br\s*\/?>/gi;
const DROPPED = /<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi;

/** Text of an HTML fragment: paragraphs separated by a blank line, spaces collapsed, entities decoded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const marked = html.replace(DROPPED, ' ').replace(BLOCK_END, (tag) => `${tag}\n\n`);
  const { document } = parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  return collapse(document.body.textContent ?? '');
}

function collapse(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
}

const LOOKS_LIKE_HTML = /<[a-z!/][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

/** RSS does not say whether a title is text or HTML; markup or an entity reference is the usual tell. */
export function looksLikeHtml(value: string): boolean {
  return LOOKS_LIKE_HTML.test(value);
}

const entityCache = new Map<string, string>();

/** Decodes one HTML named entity (without & and ;), or undefined when HTML has no such entity. */
export function decodeNamedEntity(name: string): string | undefined {
  const cached = entityCache.get(name);
  if (cached !== undefined) return cached || undefined;
  const { document } = parseHTML(`<!doctype html><html><body>&${name};</body></html>`);
  const text = document.body.textContent ?? '';
  const decoded = text === `&${name};` ? '' : text;
  entityCache.set(name, decoded);
  return decoded || undefined;
}
