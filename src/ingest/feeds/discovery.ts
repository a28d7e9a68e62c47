// Feed autodiscovery: a site's home page names its feeds with <link rel="alternate" type="...">.
import { parseHTML } from 'linkedom';
import { resolveUrl } from './canonical-url.ts';

export interface DiscoveredFeed {
  readonly url: string;
  readonly type: string;
  readonly title: string | null;
}

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml', 'application/json'];

/** True when a fetched document is an HTML page rather than a feed. */
export function looksLikeHtmlPage(text: string, contentType: string | null): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^<(\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|rdf:rdf|feed)\b/.test(head)) return false;
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return (contentType ?? '').toLowerCase().includes('text/html') && !head.startsWith('{');
}

/** Feed links of an HTML page in document order, resolved against <base href> and the page URL. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const { document } = parseHTML(html);
  const base = resolveUrl(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  const found: DiscoveredFeed[] = [];
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.includes(type)) continue;
    const url = resolveUrl(link.getAttribute('href'), base);
    if (url === null || found.some((f) => f.url === url)) continue;
    found.push({ url, type, title: link.getAttribute('title') });
  }
  // application/json is only a guess at JSON Feed; the explicit feed types go first.
  return found.sort((a, b) => Number(a.type === 'application/json') - Number(b.type === 'application/json'));
}
