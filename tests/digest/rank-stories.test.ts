// Digest order: coverage weighed against age, one score (rank-stories.ts).
import { describe, expect, it } from 'vitest';
import { outletCount, rankStories, storyScore, RANKING } from '../../src/digest/rank-stories.ts';
import type { StoryArticle, StoryMaterial } from '../../src/digest/story-material.ts';

const NOW = new Date('2026-12-06T12:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function item(id: string, source: string, published: string | null, rewriteOf: string | null = null): StoryArticle {
  return {
    article: { id, title: id, text: `${id}.`, source, url: null, path: null, published },
    rewriteOf,
    ingestedAt: hoursAgo(1),
  };
}
const story = (id: string, articles: StoryArticle[]): StoryMaterial => ({
  story: { id, articleIds: articles.map((a) => a.article.id) },
  articles,
});
const ids = (list: StoryMaterial[]): string[] => list.map((m) => m.story.id);

describe('rankStories', () => {
  it('puts a fresh single report before a big story that has not changed for two days', () => {
    const old = story('old', ['Fox', 'NYT', 'BBC', 'AP', 'AFP', 'DW'].map((s, i) => item(`o${i}`, s, hoursAgo(48 + i))));
    const fresh = story('fresh', [item('f', 'Reuters', hoursAgo(0.5))]);
    expect(ids(rankStories([old, fresh], NOW))).toEqual(['fresh', 'old']);
    // The same big story, still growing (a report from an hour ago), leads again.
    const growing = story('old', [...old.articles, item('o9', 'CNN', hoursAgo(1))]);
    expect(ids(rankStories([growing, fresh], NOW))).toEqual(['old', 'fresh']);
  });

  it('halves a story weight every half-life: 4 outlets a day ago weigh as 1 outlet now', () => {
    const fourOld = story('a', ['A', 'B', 'C', 'D'].map((s) => item(s, s, hoursAgo(2 * RANKING.halfLifeHours))));
    const oneNew = story('b', [item('x', 'X', NOW.toISOString())]);
    expect(storyScore(fourOld, NOW)).toBeCloseTo(1, 9);
    expect(storyScore(oneNew, NOW)).toBeCloseTo(1, 9);
    // A tie goes to the newer story.
    expect(ids(rankStories([fourOld, oneNew], NOW))).toEqual(['b', 'a']);
  });

  it('counts outlets, not rewrites or repeats, and an unnamed outlet as its own', () => {
    const m = story('s', [
      item('a', 'Fox', hoursAgo(1)),
      item('b', 'fox ', hoursAgo(1)),
      item('c', 'NYT', hoursAgo(1)),
      item('d', 'Copycat', hoursAgo(1), 'c'),
      item('e', '', hoursAgo(1)),
      item('f', '', hoursAgo(1)),
    ]);
    expect(outletCount(m)).toBe(4);
  });

  it('dates an undated article by when it was ingested, and a future date as now', () => {
    const undated = story('u', [item('u1', 'A', null)]);
    expect(storyScore(undated, NOW)).toBeCloseTo(0.5 ** (1 / RANKING.halfLifeHours), 9);
    const ahead = story('f', [item('f1', 'A', hoursAgo(-3))]);
    expect(storyScore(ahead, NOW)).toBe(1);
  });

  it('orders equal stories by id, so every channel and run gets the same order', () => {
    const a = story('a', [item('a1', 'A', hoursAgo(2))]);
    const b = story('b', [item('b1', 'B', hoursAgo(2))]);
    expect(ids(rankStories([b, a], NOW))).toEqual(['a', 'b']);
  });
});
