// Slack mrkdwn text helpers: escaping, links and length-safe clipping. Pure; no SDK types.
//
// Slack interprets only three characters as markup in message text: `&`, `<` and `>` (links, mentions such
// as <!everyone>, entities). Escaping exactly those makes any feed text inert; `*` or `_` in a headline may
// turn bold/italic, which is cosmetic, so we leave them alone as Slack's formatting guide recommends.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/** The URL when it is an absolute http(s) URL, made safe to sit inside `<url|label>`; otherwise null. */
export function safeHttpUrl(raw: string | null): string | null {
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // WHATWG serialization already percent-encodes spaces, < and >; `|` would end the URL part of a Slack link
  // early, so encode it too. `&` is escaped as an entity, which Slack decodes inside link markup.
  return escapeMrkdwn(url.href.replace(/\|/g, '%7C'));
}

/** URLs longer than this are shown as plain labels: one tracking-laden URL must not eat a section's budget. */
export const MAX_LINK_URL = 500;

/** `<url|label>` with the label escaped, or just the escaped label when there is no usable (short) URL. */
export function linkMrkdwn(url: string | null, label: string): string {
  const safe = safeHttpUrl(url);
  // A `|` in the label would read as a second separator in some clients; a broken bar looks the same.
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  return safe === null || safe.length > MAX_LINK_URL ? text : `<${safe}|${text}>`;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ELLIPSIS = '…';

/**
 * `raw` passed through `transform` (escaping by default), cut to at most `max` UTF-16 units with an ellipsis.
 * Cuts fall between grapheme clusters, so an emoji or an entity like `&amp;` is never split in half.
 * Lengths are UTF-16 units because that is what JavaScript measures and never less than what Slack counts.
 */
export function clip(raw: string, max: number, transform: (s: string) => string = escapeMrkdwn): string {
  const whole = transform(raw);
  if (whole.length <= max) return whole;
  if (max < ELLIPSIS.length) return '';
  let out = '';
  for (const { segment } of segmenter.segment(raw)) {
    const piece = transform(segment);
    if (out.length + piece.length + ELLIPSIS.length > max) break;
    out += piece;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** Plain text (header, plain_text objects) is shown literally by Slack: clip without escaping. */
export function clipPlain(raw: string, max: number): string {
  return clip(raw, max, (s) => s);
}

/** Collapse whitespace runs (feed text may carry newlines and tabs that would break a one-line layout). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
