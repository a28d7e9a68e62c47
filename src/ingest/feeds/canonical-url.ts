// Canonical article URLs, so the same story shared with different campaign tags gets one id.

// Parameters that only identify the click or the campaign, never the page. Prefix entries end in "_".
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_hsenc', '_hsmi', 'mkt_tok', 'ref_src', 'ref_url', 'cmpid', 'ncid', 'sr_share', 'spm', 'at_medium', 'at_campaign',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_custom'];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Absolute http(s) URL resolved against `base`, or null when it is not one. */
export function resolveUrl(href: string | null | undefined, base?: string | null): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // An absolute link is kept as written (case and all); canonicalUrl normalizes it for ids.
    return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : url.href;
  } catch {
    return null; // not a URL at all: the item simply has no usable link
  }
}

/** Drops tracking parameters and the fragment; host case and default ports are normalized by URL. */
export function canonicalUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTracking(name)) url.searchParams.delete(name);
  }
  if (url.search === '?') url.search = '';
  return url.href;
}
