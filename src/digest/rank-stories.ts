// Which stories lead a digest: one score that weighs coverage against age, so fresh news comes first and a
// story many outlets covered days ago does not stay on top because of its size.
//
//   score = outlets x 0.5 ^ (hours since the story's newest article / RANKING.halfLifeHours)
//
// `outlets` counts the distinct outlets among the story's original reports (rewrites do not count; a report
// whose outlet is unknown counts as its own). With a half-life of 12 hours, a story 4 outlets covered a day
// ago scores 1, like a single report from now; two days old, it scores 0.25 and goes after any fresh report.
// Ties (equal scores) go to the newer story, then by story id, so the order is deterministic.
import { firstAndLast, originals, type StoryMaterial } from './story-material.ts';

export const RANKING = {
  /** Hours after which a story's weight halves, counted from its newest article. */
  halfLifeHours: 12,
} as const;

const HOUR_MS = 3_600_000;

/** Distinct outlets among the original reports; a report with no outlet named counts as one of its own. */
export function outletCount(material: StoryMaterial): number {
  const named = new Set<string>();
  let unnamed = 0;
  for (const item of originals(material)) {
    const source = item.article.source.trim();
    if (source === '') unnamed += 1;
    else named.add(source.toLowerCase());
  }
  return named.size + unnamed;
}

/** The newest article time of the story (ms since the epoch): publication time, or else ingestion time. */
function newestTime(material: StoryMaterial): number {
  const { last } = firstAndLast(material);
  return last === null ? Number.NEGATIVE_INFINITY : Date.parse(last);
}

/** The score of a story with `outlets` outlets whose newest article is at `newest` (ms). */
function scoreAt(outlets: number, newest: number, now: Date): number {
  // A story dated in the future (a feed's clock ahead of ours) counts as new, not as newer than new.
  const hours = Number.isFinite(newest) ? Math.max(0, (now.getTime() - newest) / HOUR_MS) : Number.POSITIVE_INFINITY;
  return outlets * 0.5 ** (hours / RANKING.halfLifeHours);
}

export function storyScore(material: StoryMaterial, now: Date): number {
  return scoreAt(outletCount(material), newestTime(material), now);
}

export function rankStories(stories: readonly StoryMaterial[], now: Date): StoryMaterial[] {
  const keyed = stories.map((material) => {
    const newest = newestTime(material);
    return { material, newest, score: scoreAt(outletCount(material), newest, now) };
  });
  keyed.sort(
    (a, b) =>
      b.score - a.score || b.newest - a.newest || a.material.story.id.localeCompare(b.material.story.id),
  );
  return keyed.map((k) => k.material);
}
