// `/story <query>`: BM25 over each story's titles and texts; equal scores go to the most recent story.
import { describe, expect, it } from 'vitest';
import { findStories } from '../../src/commands/find-story.ts';
import type { StoryMaterial } from '../../src/digest/story-material.ts';

function story(id: string, title: string, published: string): StoryMaterial {
  return {
    story: { id, articleIds: [`${id}-1`] },
    articles: [
      {
        article: { id: `${id}-1`, title, text: `${title}.`, source: 'Outlet', url: null, path: null, published },
        rewriteOf: null,
        ingestedAt: published,
      },
    ],
  };
}

describe('findStories', () => {
  it('ranks by match, and puts the newer of two equally good matches first', () => {
    const stories = [
      story('a-old', 'NATO summit opens in Vilnius', '2026-07-01T09:00:00Z'),
      story('z-new', 'NATO summit opens in Madrid', '2026-12-05T09:00:00Z'),
      story('m', 'Budget vote delayed', '2026-12-06T09:00:00Z'),
    ];
    const { matches, recent } = findStories('nato summit', stories);
    expect(matches.map((m) => m.material.story.id)).toEqual(['z-new', 'a-old']);
    expect(recent.map((m) => m.story.id)).toEqual(['m', 'z-new', 'a-old']);
    expect(findStories('vilnius', stories).matches.map((m) => m.material.story.id)).toEqual(['a-old']);
  });

  it('finds nothing for words no story has', () => {
    expect(findStories('volcano', [story('a', 'NATO summit', '2026-07-01T09:00:00Z')]).matches).toEqual([]);
  });
});
