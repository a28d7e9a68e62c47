// Repairs for XML that real feeds get wrong, applied only after a strict parse has failed, so a
// well-formed feed is read exactly as written.
import { DOMParser } from 'linkedom';
import { decodeNamedEntity } from './html-text.ts';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// CDATA sections and comments are copied untouched; only the text between them is repaired.
const OPAQUE = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;

const FEED_NAMESPACES = [
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss2',
  'http://www.w3.org/2005/Atom',
  'http://purl.org/atom/ns#',
];

/**
 * `<rss:channel>` or `<atom:feed>`: the feed vocabulary bound to a prefix instead of the default namespace.
 * rss-parser matches element names literally, so the prefix is dropped - only when the channel or feed
 * element itself carries it, because RSS 2.0 feeds routinely use `atom:link` next to their own `<link>`.
 */
export function unprefixFeedVocabulary(xml: string): string {
  let out = xml;
  for (const match of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']+)["']/g)) {
    const [, prefix, namespace] = match;
    if (prefix === undefined || namespace === undefined || !FEED_NAMESPACES.includes(namespace)) continue;
    if (!new RegExp(`<${prefix}:(channel|feed|rss)\\b`).test(out)) continue;
    out = out.replace(new RegExp(`(</?)${prefix}:`, 'g'), '$1');
  }
  return out;
}

/** `<rss>` with items but no `<channel>` (seen in the wild and in feedparser's corpus): add the channel. */
export function ensureChannel(xml: string): string {
  if (/<channel[\s>]/.test(xml) || !/<rss[\s>]/.test(xml)) return xml;
  return xml.replace(/(<rss[^>]*>)/, '$1<channel>').replace(/(<\/rss\s*>)(?![\s\S]*<\/rss)/, '</channel>$1');
}

/** Drops a byte order mark and anything before the first tag (stray whitespace or PHP notices). */
export function trimProlog(xml: string): string {
  const start = xml.indexOf('<');
  return start <= 0 ? xml.replace(/^\uFEFF/, '') : xml.slice(start);
}

/** HTML entities (&nbsp; &eacute;) become numeric references; a bare "&" becomes "&amp;". */
export function repairEntities(xml: string): string {
  return xml
    .split(OPAQUE)
    .map((part, index) => (index % 2 === 1 ? part : repairPart(part)))
    .join('');
}

function repairPart(text: string): string {
  return text.replace(/&(#\d+;|#x[0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?/g, (match, reference?: string, name?: string) => {
    if (reference === undefined) return '&amp;';
    if (name === undefined || XML_ENTITIES.has(name)) return match;
    const decoded = decodeNamedEntity(name);
    if (decoded === undefined) return `&amp;${name};`;
    return [...decoded].map((ch) => `&#${ch.codePointAt(0) ?? 63};`).join('');
  });
}

/**
 * Last resort for broken nesting, unclosed tags and truncated documents: a forgiving XML parser builds
 * what tree it can and serializes it back as well-formed XML.
 */
export function rebuildWellFormed(xml: string): string {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  return document.toString();
}
