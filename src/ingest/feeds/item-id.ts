// Article ids from the canonical link when there is one, so the same article in two feeds is one article.
import { stableId } from '../../domain/ids.ts';
import { canonicalUrl } from './canonical-url.ts';

/** `fallback` (title and text) keeps link-less, guid-less items of one feed apart. */
export function makeItemId(link: string | null, feedUrl: string, guid: string | null, fallback: string): string {
  if (link !== null) return stableId('a-', canonicalUrl(link));
  return stableId('a-', feedUrl, guid ?? fallback);
}
