// Reading xml2js nodes (what rss-parser hands over for custom fields): `{ _: text, $: attributes,
// child: [nodes] }` or a bare string. Atom says per element whether it holds text, escaped HTML or inline
// XHTML (and Atom 0.3 adds base64); RSS never says, so the caller passes a default.
import { htmlToText, looksLikeHtml } from './html-text.ts';

export interface XmlElement {
  readonly _?: string;
  readonly $?: Readonly<Record<string, string>>;
  readonly [child: string]: unknown;
}
export type XmlNode = string | XmlElement;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

/** Every node of a raw custom field (kept as an array), skipping anything that is not a node. */
export function nodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter(isNode);
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node.$?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Character data of a node, ignoring child elements. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  return typeof node === 'string' ? node : (node._ ?? '');
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'col', 'source', 'wbr']);
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

function serialize(rawName: string, node: XmlNode): string {
  const name = rawName.replace(/^xhtml:/, '');
  if (typeof node === 'string') return `<${name}>${escapeText(node)}</${name}>`;
  const attrs = Object.entries(node.$ ?? {})
    .filter(([key]) => !key.startsWith('xmlns') && !key.startsWith('xml:'))
    .map(([key, value]) => ` ${key}="${escapeAttr(String(value))}"`)
    .join('');
  const inner = innerXml(node);
  if (inner === '' && VOID.has(name)) return `<${name}${attrs} />`;
  return `<${name}${attrs}>${inner}</${name}>`;
}

/** Markup of a node's content. xml2js keeps no order between text and child elements: text comes first. */
export function innerXml(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  let out = node._ === undefined ? '' : escapeText(node._);
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || key === '_') continue;
    for (const child of nodes(value)) out += serialize(key, child);
  }
  return out;
}

const unescapeXml = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function childKeys(node: XmlElement): string[] {
  return Object.keys(node).filter((key) => key !== '$' && key !== '_');
}

export type ValueDefault = 'text' | 'html' | 'guess';

export interface ContentValue {
  readonly value: string;
  readonly html: boolean;
}

/** The value of a text construct (title, summary, content, description) and whether it is HTML. */
export function contentValue(node: XmlNode | undefined, fallback: ValueDefault): ContentValue | null {
  if (node === undefined) return null;
  if (typeof node === 'string') return { value: node, html: guess(node, fallback) };
  const type = (attr(node, 'type') ?? '').toLowerCase();
  const mode = (attr(node, 'mode') ?? '').toLowerCase();
  // Atom 0.3 says mode="base64"; Atom 1.0 base64-encodes any type that is neither text nor XML.
  const binaryType = type.includes('/') && !type.startsWith('text/') && !type.endsWith('xml');
  if (mode === 'base64' || binaryType) {
    const decoded = Buffer.from(textOf(node), 'base64').toString('utf8');
    return { value: decoded, html: type.includes('html') || guess(decoded, fallback) };
  }
  const children = childKeys(node);
  if (type === 'xhtml' || type === 'application/xhtml+xml' || children.length > 0) {
    // Inline XHTML sits inside one wrapping <div> that is not part of the content (RFC 4287 §3.1.1.3).
    const only = children.length === 1 && !node._?.trim() ? children[0] : undefined;
    const wrapper = only !== undefined && /^(xhtml:)?div$/.test(only) ? nodes(node[only]) : [];
    const inner = wrapper.length === 1 && wrapper[0] !== undefined ? innerXml(wrapper[0]) : innerXml(node);
    // type="html" around literal elements: the escaped markup inside them is the HTML.
    if (type === 'html' || type === 'text/html') return { value: unescapeXml(inner), html: true };
    return { value: inner, html: true };
  }
  const value = textOf(node);
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { value, html: true };
  if (type === 'text' || type === 'text/plain') return { value, html: false };
  return { value, html: guess(value, fallback) };
}

function guess(value: string, fallback: ValueDefault): boolean {
  return fallback === 'html' || (fallback === 'guess' && looksLikeHtml(value));
}

/** Plain text of a text construct. */
export function plainText(value: ContentValue | null): string {
  if (value === null) return '';
  return value.html ? htmlToText(value.value) : value.value.replace(/\s+/g, ' ').trim();
}

/** A value as HTML, for summary and content fields, which keep markup. */
export function asHtml(value: ContentValue | null): string | null {
  if (value === null || value.value.trim() === '') return null;
  return value.html ? value.value : escapeText(value.value);
}
