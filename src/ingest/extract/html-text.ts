// DOM to plain text that keeps the paragraph structure Readability's textContent throws away: every block
// element ends a paragraph ("\n\n"), <br> ends a line, runs of whitespace inside text collapse.
import { isElement, tagOf, TEXT_NODE } from './dom.ts';
import type { DomNode } from './dom.ts';

// Elements that end a paragraph. Table cells are not among them: a row reads as one line.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul',
]);

// Never text a reader sees: code, styles, embedded documents, form controls.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'head', 'select', 'option', 'button', 'input', 'textarea']);

/** Plain text of a DOM subtree: paragraphs separated by a blank line. */
export function htmlToText(root: DomNode): string {
  const parts: string[] = [];
  walk(root, parts, false);
  return parts.join('').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function walk(node: DomNode, parts: string[], inPre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const text = node.textContent ?? '';
    parts.push(inPre ? text : text.replace(/\s+/g, ' '));
    return;
  }
  if (!isElement(node) && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = tagOf(node);
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') {
    parts.push('\n');
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) parts.push('\n\n');
  const children = node.childNodes;
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i];
    if (child !== undefined) walk(child, parts, inPre || tag === 'pre');
  }
  if (block) parts.push('\n\n');
  // A table row reads as one line: its cells are separated by spaces, not paragraphs.
  else if (tag === 'td' || tag === 'th') parts.push(' ');
}
