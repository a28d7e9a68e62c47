// Feed dates: RFC 822 (RSS), RFC 3339 / W3C-DTF (Atom, dc:date, JSON Feed), plus common sloppiness.

const ZONES: Readonly<Record<string, string>> = { UT: '+0000', Z: '+0000', CEST: '+0200', CET: '+0100', BST: '+0100' };

/** ISO 8601 in UTC, or null when the text is not a date we can read. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const attempts = [
    text,
    // "Thu, 01 Jan 2004 19:48:21 UT" and zone names V8 does not know.
    text.replace(/\b(UT|Z|CEST|CET|BST)$/, (zone) => ZONES[zone] ?? zone),
    // "2004-01-01 19:48:21" (space instead of T) is read as local time by V8; feeds mean UTC.
    /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : '',
  ];
  for (const attempt of attempts) {
    if (attempt === '') continue;
    const ms = Date.parse(attempt);
    if (!Number.isNaN(ms)) {
      const year = new Date(ms).getUTCFullYear();
      if (year >= 1970 && year < 2200) return new Date(ms).toISOString();
    }
  }
  return null;
}
