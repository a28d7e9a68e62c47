// RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 via rss-parser. rss-parser finds the channel and items for every
// dialect; the raw xml2js nodes of the fields we need are requested as custom fields and read here,
// because rss-parser's own mapping drops what a digest needs (Atom text types, xml:base, Atom 0.3 dates).
import Parser from 'rss-parser';
import { canonicalUrl, resolveUrl } from './canonical-url.ts';
import { parseFeedDate } from './dates.ts';
import { makeItemId } from './item-id.ts';
import type { FeedFormat, FeedItem, ParsedFeed } from './types.ts';
import { FeedParseError } from './types.ts';
import type { XmlNode } from './xml-nodes.ts';
import { asHtml, attr, contentValue, innerXml, nodes, plainText, textOf } from './xml-nodes.ts';
import { ensureChannel, rebuildWellFormed, repairEntities, trimProlog, unprefixFeedVocabulary } from './xml-repair.ts';

const RAW = 'raw:';
const FEED_FIELDS = ['$', 'title', 'dc:title', 'link', 'atom:link'];
const ITEM_FIELDS = [
  '$', 'title', 'link', 'atom:link', 'description', 'summary', 'content', 'content:encoded', 'xhtml:body', 'body',
  'fullitem', 'guid', 'id', 'dc:identifier', 'published', 'pubDate', 'issued', 'dcterms:issued', 'dc:date',
  'created', 'dcterms:created', 'updated', 'modified', 'dcterms:modified', 'author', 'dc:creator', 'dc:title',
  'media:title', 'dc:description', 'itunes:summary',
];
// Publication dates first; the last-modified kinds only when an item has no publication date.
const DATE_FIELDS = [
  'published', 'pubDate', 'issued', 'dcterms:issued', 'dc:date', 'created', 'dcterms:created', 'updated', 'modified',
  'dcterms:modified',
];
const TITLE_FIELDS = ['title', 'dc:title', 'media:title'];
const RSS_SUMMARY_FIELDS = ['description', 'dc:description', 'summary', 'itunes:summary'];

const asCustom = (name: string): [string, string, { keepArray: true }] => [name, RAW + name, { keepArray: true }];
const PARSER_OPTIONS = {
  defaultRSS: 2, // a <rss> root without a version is read as RSS 2.0
  customFields: { feed: FEED_FIELDS.map(asCustom), item: ITEM_FIELDS.map(asCustom) },
} as unknown as Parser.ParserOptions<Record<string, unknown>, Record<string, unknown>>;

type Raw = Readonly<Record<string, unknown>>;
const raw = (record: Raw, name: string): XmlNode[] => (record[RAW + name] === undefined ? [] : nodes(record[RAW + name]));
const attrsOf = (record: Raw): Readonly<Record<string, unknown>> => (record[RAW + '$'] ?? {}) as Record<string, unknown>;

export function detectXmlFormat(xml: string): FeedFormat | undefined {
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''));
  const name = root?.[2]?.toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'rdf') return 'rdf';
  if (name === 'feed') return 'atom';
  return undefined;
}

/** Atom's alternate link (text/html preferred), or RSS's <link>, or a permalink guid. */
function pickLink(record: Raw, format: FeedFormat, base: string): string | null {
  const links = [...raw(record, 'link'), ...raw(record, 'atom:link')];
  const withHref = links.filter((link) => attr(link, 'href') !== undefined);
  if (withHref.length > 0) {
    const alternates = withHref.filter((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate');
    const html = alternates.find((link) => (attr(link, 'type') ?? 'text/html').includes('html'));
    const chosen = html ?? alternates[0] ?? (format === 'atom' ? withHref[0] : undefined);
    const resolved = resolveUrl(attr(chosen, 'href'), attr(chosen, 'xml:base') ?? base);
    if (resolved !== null || format === 'atom') return resolved;
  }
  // Atom 0.3 allowed the URL as element text; the alternate one still wins.
  const byRel = [...links].sort((a, b) => Number((attr(b, 'rel') ?? 'alternate') === 'alternate') - Number((attr(a, 'rel') ?? 'alternate') === 'alternate'));
  for (const link of byRel) {
    const resolved = resolveUrl(textOf(link), base);
    if (resolved !== null) return resolved;
  }
  const about = attrsOf(record)['rdf:about'];
  if (typeof about === 'string') return resolveUrl(about, base);
  const guid = raw(record, 'guid')[0];
  if (guid !== undefined && attr(guid, 'isPermaLink') !== 'false') return resolveUrl(textOf(guid), base);
  return null;
}

function pickAuthor(record: Raw): string | null {
  for (const node of [...raw(record, 'author'), ...raw(record, 'dc:creator')]) {
    const name = typeof node === 'string' ? node : textOf(nodes(node['name'])[0]) || textOf(node);
    if (name.trim() !== '') return name.trim();
  }
  return null;
}

function pickDate(record: Raw): string | null {
  for (const field of DATE_FIELDS) {
    for (const node of raw(record, field)) {
      const date = parseFeedDate(textOf(node));
      if (date !== null) return date;
    }
  }
  return null;
}

function pickContent(record: Raw, format: FeedFormat): string | null {
  for (const node of raw(record, 'content')) {
    if (attr(node, 'src') !== undefined) continue; // out-of-line content: nothing to read here
    const html = asHtml(contentValue(node, format === 'atom' ? 'text' : 'html'));
    if (html !== null) return html;
  }
  const encoded = asHtml(contentValue(raw(record, 'content:encoded')[0], 'html'));
  if (encoded !== null) return encoded;
  for (const field of ['xhtml:body', 'body', 'fullitem']) {
    const node = raw(record, field)[0];
    if (node !== undefined) return asHtml({ value: innerXml(node), html: true });
  }
  return null;
}

function pickTitle(record: Raw, format: FeedFormat): string {
  for (const field of TITLE_FIELDS) {
    const title = plainText(contentValue(raw(record, field)[0], format === 'atom' ? 'text' : 'guess'));
    if (title !== '') return title;
  }
  return '';
}

interface FeedContext {
  readonly feedUrl: string;
  readonly base: string;
  readonly source: string;
  readonly format: FeedFormat;
}

function toItem(record: Raw, context: FeedContext): FeedItem {
  const { format } = context;
  const base = resolveUrl(attrsOf(record)['xml:base'] as string | undefined, context.base) ?? context.base;
  const link = pickLink(record, format, base);
  const about = attrsOf(record)['rdf:about'];
  const guidNode = raw(record, format === 'atom' ? 'id' : 'guid')[0] ?? raw(record, 'dc:identifier')[0];
  const guid = textOf(guidNode).trim() || (typeof about === 'string' ? about : '') || null;
  const summaryFields = format === 'atom' ? ['summary'] : RSS_SUMMARY_FIELDS;
  const summaryNode = summaryFields.map((field) => raw(record, field)[0]).find((node) => node !== undefined);
  const title = pickTitle(record, format);
  const summary = asHtml(contentValue(summaryNode, format === 'atom' ? 'text' : 'html'));
  const content = pickContent(record, format);
  return {
    id: makeItemId(link, context.feedUrl, guid, `${title}\n${summary ?? content ?? ''}`),
    guid,
    link,
    url: link === null ? null : canonicalUrl(link),
    title,
    author: pickAuthor(record),
    published: pickDate(record),
    summary,
    content,
    source: context.source,
  };
}

async function parseStrict(xml: string): Promise<Raw & { items: Raw[] }> {
  if (!/<[A-Za-z_]/.test(xml)) throw new Error('no root element');
  // xml2js parses synchronously but never calls back for some inputs (a lone XML declaration): an answer
  // that has not come by the next macrotask never will, so give up instead of hanging the poll.
  let timer: NodeJS.Immediate | undefined;
  const silent = new Promise<never>((_resolve, reject) => {
    timer = setImmediate(() => reject(new Error('XML parser gave no answer')));
  });
  try {
    // A fresh parser per document: xml2js keeps listeners from a parse that never finished.
    const parser = new Parser(PARSER_OPTIONS);
    return (await Promise.race([parser.parseString(xml), silent])) as unknown as Raw & { items: Raw[] };
  } finally {
    clearImmediate(timer);
  }
}

/** Strict parse first; then entity repair; then a forgiving rebuild. `recovered` tells which happened. */
async function parseTolerant(xml: string, feedUrl: string): Promise<{ output: Raw & { items: Raw[] }; recovered: boolean }> {
  const trimmed = ensureChannel(unprefixFeedVocabulary(trimProlog(xml)));
  let firstError: unknown;
  try {
    return { output: await parseStrict(trimmed), recovered: trimmed !== xml.replace(/^\uFEFF/, '') };
  } catch (error) {
    firstError = error;
  }
  for (const repair of [repairEntities, (text: string) => rebuildWellFormed(repairEntities(text))]) {
    try {
      return { output: await parseStrict(repair(trimmed)), recovered: true };
    } catch {
      // the next, more forgiving repair gets its turn; the first error is the one reported
    }
  }
  const reason = firstError instanceof Error ? firstError.message.split('\n')[0] : String(firstError);
  throw new FeedParseError('FEED_PARSE', `not a readable RSS/Atom feed: ${reason}`, feedUrl, { cause: firstError });
}

export async function parseXmlFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  const format = detectXmlFormat(xml);
  if (format === undefined) throw new FeedParseError('FEED_NOT_A_FEED', 'no <rss>, <rdf:RDF> or <feed> root element', feedUrl);
  const { output, recovered } = await parseTolerant(xml, feedUrl);
  const base = resolveUrl(attrsOf(output)['xml:base'] as string | undefined, feedUrl) ?? feedUrl;
  const title = pickTitle(output, format);
  const host = resolveUrl(feedUrl) === null ? feedUrl : new URL(feedUrl).hostname;
  const context: FeedContext = { feedUrl, base, format, source: title || host };
  const items = (Array.isArray(output.items) ? output.items : []).map((item) => toItem(item, context));
  return { format, title, link: pickLink(output, format, base), feedUrl, items, recovered };
}
