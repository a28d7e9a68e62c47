// Page metadata for an article: title, canonical URL, publication time and site name, from the tags that
// publishers fill for social cards and search engines (Open Graph, article:*, JSON-LD), then from plain HTML.
import type { DomDocument } from './dom.ts';

export interface PageMetadata {
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
}

function meta(document: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = element?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

/** An absolute http(s) URL, resolved against `base` when relative; null when it cannot be one. */
export function absoluteUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = base === undefined ? new URL(value.trim()) : new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    // Not a URL (a path with no base, a "javascript:" link): the caller falls back to the next source.
    return null;
  }
}

/** ISO 8601 form of a date string; null when it does not parse. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** datePublished from JSON-LD blocks (NewsArticle and friends), including @graph arrays. */
function jsonLdPublished(document: DomDocument): string | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i += 1) {
    const text = scripts[i]?.textContent ?? '';
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(text);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}

export function readMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url = absoluteUrl(canonical, pageUrl) ?? absoluteUrl(meta(document, 'og:url'), pageUrl) ?? absoluteUrl(pageUrl);
  const title = meta(document, 'og:title', 'twitter:title') ?? (document.title.trim() || null)
    ?? (document.querySelector('h1')?.textContent?.trim() || null);
  const published = isoDate(
    meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date', 'dc.date')
    ?? jsonLdPublished(document)
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime'),
  );
  return { title, url, published, siteName: meta(document, 'og:site_name', 'application-name') };
}
