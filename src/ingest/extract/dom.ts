// The small slice of the DOM that extraction uses, typed here because the project compiles without the DOM
// lib (linkedom's own types lean on it). linkedom is a fast, forgiving HTML parser: enough for Readability.
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parse an HTML string into a document. linkedom never throws on malformed markup. */
export function parseDocument(html: string): DomDocument {
  // A page without <html> gives linkedom a document with no documentElement; wrapping fixes that.
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as { document: DomDocument };
  return document;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Element name in lower case ("p", "div"). */
export function tagOf(node: DomNode): string {
  return node.nodeName.toLowerCase();
}
