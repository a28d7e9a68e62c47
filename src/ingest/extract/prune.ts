// Remove page furniture from a document before Readability scores it. Readability already drops what its
// "unlikely candidate" names flag, but it keeps figures, captions, credits, bylines, datelines and the
// link lists that sit inside an article container ("More stories", "Don't miss"): these are what cost
// precision on real news pages.
import { isElement, tagOf } from './dom.ts';
import type { DomElement } from './dom.ts';

// Elements that never hold article prose.
const FURNITURE_SELECTOR = [
  'figure', 'figcaption', 'picture', 'video', 'audio', 'nav', 'aside', 'header', 'form', 'button', 'select', 'dialog',
  '[role="navigation"]', '[role="complementary"]', '[role="banner"]', '[role="contentinfo"]', '[role="dialog"]',
  '[hidden]', '[aria-hidden="true"]', '[itemprop="author"]', '[itemprop="datePublished"]', '[itemprop="dateModified"]',
  'time',
].join(', ');

// class/id words of furniture. Matched against whole words of the class and id (split on non-letters),
// so "shared-content" does not match "share" by accident and "adverb" never matches "ad".
const NOISE_WORDS = new Set([
  'caption', 'captions', 'credit', 'credits', 'byline', 'bylines', 'author', 'authors', 'dateline', 'timestamp',
  'date', 'published', 'updated', 'share', 'sharing', 'social', 'related', 'recommended', 'recommendations',
  'newsletter', 'subscribe', 'subscription', 'promo', 'promotion', 'advert', 'advertisement', 'ad', 'ads',
  'sponsor', 'sponsored', 'breadcrumb', 'breadcrumbs', 'tags', 'tag', 'comments', 'comment', 'sidebar',
  'popular', 'trending', 'outbrain', 'taboola', 'toolbar', 'signup', 'paywall', 'modal', 'overlay', 'widget',
  'disclaimer', 'copyright', 'bio', 'kicker', 'eyebrow', 'headline', 'dek', 'standfirst', 'summary', 'teaser',
  'gallery', 'slideshow', 'carousel', 'lightbox', 'photo', 'image', 'img', 'thumbnail', 'media', 'embed',
  'readmore', 'more', 'next', 'prev', 'pagination', 'footer', 'header', 'masthead', 'menu', 'nav', 'navigation',
]);

// Words that mark the article body itself: an element carrying one is never pruned, whatever else it says.
const BODY_WORDS = new Set(['article', 'body', 'content', 'story', 'text', 'post', 'entry', 'main']);

/** Paragraph text beyond this many characters marks a container of prose, which is never pruned. */
const PROSE_CHARS = 400;

function classWords(element: DomElement): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.toLowerCase().split(/[^a-z]+/).filter((w) => w !== '');
}

/** Whether an element's class or id names furniture and not the article body. */
export function looksLikeFurniture(element: DomElement): boolean {
  const words = classWords(element);
  if (words.length === 0) return false;
  return words.some((w) => NOISE_WORDS.has(w)) && !words.some((w) => BODY_WORDS.has(w));
}

/** Characters of paragraph text inside an element: what pruning must never throw away in bulk. */
function proseChars(element: DomElement): number {
  let total = 0;
  const paragraphs = element.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i += 1) total += (paragraphs[i]?.textContent ?? '').trim().length;
  return total;
}

/** Remove furniture under `root` (a body or Readability's article element) in place; returns how many went. */
export function pruneFurniture(root: DomElement): number {
  const body = root;
  let removed = 0;
  const fixed = body.querySelectorAll(FURNITURE_SELECTOR);
  for (const element of Array.from(fixed)) {
    if (proseChars(element) > PROSE_CHARS && tagOf(element) !== 'nav') continue;
    element.remove();
    removed += 1;
  }
  const all = Array.from(body.querySelectorAll('[class], [id]'));
  for (const element of all) {
    if (!isElement(element) || element.parentNode === null) continue;
    if (!looksLikeFurniture(element) || proseChars(element) > PROSE_CHARS) continue;
    element.remove();
    removed += 1;
  }
  return removed;
}

/** A block whose text is at least this share link text is navigation ("More stories"), not prose. */
const LINK_DENSITY = 0.75;
/** Link blocks longer than this are left alone: a long paragraph that is one big link is rare but real. */
const MAX_LINK_BLOCK = 300;
/** A heading this short right before a dropped link list is that list's title ("Don't miss"). */
const MAX_LIST_TITLE = 60;

function linkChars(element: DomElement): number {
  let total = 0;
  const links = element.querySelectorAll('a');
  for (let i = 0; i < links.length; i += 1) total += (links[i]?.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return total;
}

function isLinkBlock(element: DomElement): boolean {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > MAX_LINK_BLOCK) return false;
  return linkChars(element) / text.length >= LINK_DENSITY;
}

/** The element before this one among its parent's children, skipping nothing but text nodes. */
function previousElement(element: DomElement): DomElement | null {
  const parent = element.parentNode;
  if (parent === null) return null;
  const siblings = Array.from(parent.childNodes).filter(isElement);
  const index = siblings.indexOf(element);
  return index > 0 ? siblings[index - 1] ?? null : null;
}

/**
 * Remove link lists (related stories, "read more" rows, tag clouds): list items, paragraphs and headings
 * that are nearly all link text, lists whose items all are, and the short title just before such a list.
 */
export function pruneLinkLists(root: DomElement): number {
  let removed = 0;
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((child) => tagOf(child) === 'li');
    if (items.length === 0 || !items.every(isLinkBlock)) continue;
    const title = previousElement(list);
    if (title !== null && /^(?:h[1-6]|p|div|strong)$/.test(tagOf(title)) && (title.textContent ?? '').trim().length <= MAX_LIST_TITLE) {
      title.remove();
      removed += 1;
    }
    list.remove();
    removed += 1;
  }
  for (const block of Array.from(root.querySelectorAll('li, p, h1, h2, h3, h4, h5, h6'))) {
    if (!isLinkBlock(block)) continue;
    block.remove();
    removed += 1;
  }
  return removed;
}
