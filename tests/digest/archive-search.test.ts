// The archive search on a real SQLite store: a retired story is found with all its articles, newest
// matches first; active stories are left to the live search; the read is bounded.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { searchArchive } from '../../src/digest/archive-search.ts';
import { createNewsroom } from '../../src/digest/newsroom.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { tempDir } from '../helpers.ts';
import { dailyEvents } from './daily-events.ts';

const dir = tempDir();
afterAll(() => dir.remove());

describe('archive search', () => {
  it('finds retired stories by their words, with every article, and leaves active ones out', async () => {
    const store = await openKeyv(`sqlite://${join(dir.path, 'search.sqlite')}`, dir.path);
    try {
      const articles = createArticleRepository(store.keyv);
      const newsroom = createNewsroom(articles, {
        createEngine: () => createStoryEngine(),
        now: () => new Date('2025-03-15T00:00:00Z'),
        activeMs: 2 * 86_400_000,
      });
      const stream = dailyEvents(12);
      await newsroom.intake(stream);
      const isActive = (id: string) => newsroom.isActive(id);
      const retired = stream.find((a) => a.id === 'd1-e1-o0')!;
      const storyId = (await articles.get(retired.id))!.assignment.storyId;
      expect(isActive(storyId)).toBe(false);

      const found = await searchArchive(articles, retired.title, { isActive });
      expect(found[0]?.story.id).toBe(storyId);
      expect(found[0]?.articles.map((a) => a.article.id)).toEqual(['d1-e1-o0', 'd1-e1-o1', 'd1-e1-o2']);

      const live = stream.find((a) => a.id === 'd11-e0-o0')!;
      expect(await searchArchive(articles, live.title, { isActive })).toEqual([]);
      // Only the most recent articles are read: day 1 is beyond the last 30.
      expect(await searchArchive(articles, retired.title, { isActive, maxArticles: 30 })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
