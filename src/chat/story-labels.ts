// Wording shared by every renderer, so Slack, Discord and the terminal say the same thing.
import { basename, relative } from 'node:path';
import type { Article } from '../domain/article.ts';
import type { DigestStory } from '../domain/digest.ts';

/** "3 sources", "1 source, republished 2 times". */
export function coverageLabel(story: DigestStory): string {
  const sources = story.sources.length;
  const copies = story.articleCount - sources;
  const base = `${sources} source${sources === 1 ? '' : 's'}`;
  return copies > 0 ? `${base} (+${copies} republished)` : base;
}

/** The link of an article: its URL, else the file it came from (relative to cwd when inside it). */
export function articleLink(article: Article, cwd?: string): string {
  if (article.url !== null) return article.url;
  if (article.path !== null) {
    if (cwd === undefined) return article.path;
    const rel = relative(cwd, article.path);
    return rel.startsWith('..') ? article.path : rel;
  }
  return '(no link)';
}

/** How to name a source: "Outlet: link", or just the file when the outlet is only the file's name. */
export function sourceLabel(article: Article, cwd?: string): string {
  const link = articleLink(article, cwd);
  if (article.url === null && article.path !== null && basename(article.path).startsWith(article.source)) return link;
  return `${article.source}: ${link}`;
}

// One formatter for every call: toLocaleDateString builds a new one each time, which costs about a
// millisecond (a digest renders two dates per story).
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "14 Mar 2025" for an ISO date; the input unchanged when it is not a date. */
export function shortDate(iso: string | null): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return SHORT_DATE.format(date);
}

export function timeLabel(story: DigestStory): string | null {
  const first = shortDate(story.firstSeen);
  const last = shortDate(story.lastUpdated);
  if (first === null) return null;
  return last === null || last === first ? `first seen ${first}` : `first seen ${first} · updated ${last}`;
}

export function markers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}
