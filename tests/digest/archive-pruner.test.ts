// The archive pruner on a real SQLite file: articles past the keep period go, with the post and outbox
// records of their stories, a batch at a time; active stories and recent articles stay.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { pruneArchive } from '../../src/digest/archive-pruner.ts';
import { createNewsroom } from '../../src/digest/newsroom.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { createOutboxRepository } from '../../src/store/outbox-repository.ts';
import { createPostRepository } from '../../src/store/post-repository.ts';
import { tempDir } from '../helpers.ts';
import { dailyEvents } from './daily-events.ts';

const DAY = 86_400_000;
const dir = tempDir();
afterAll(() => dir.remove());

describe('archive pruner', () => {
  it('deletes articles past the keep period with their posts and outbox entries, in batches', async () => {
    const store = await openKeyv(`sqlite://${join(dir.path, 'archive.sqlite')}`, dir.path);
    try {
      const articles = createArticleRepository(store.keyv);
      const posts = createPostRepository(store.keyv);
      const outbox = createOutboxRepository(store.keyv);
      const newsroom = createNewsroom(articles, {
        createEngine: () => createStoryEngine(),
        now: () => new Date('2025-03-15T00:00:00Z'),
        activeMs: 2 * DAY,
      });
      // 40 days, 2 events a day, 3 reports each: 240 articles, 80 stories.
      const stream = dailyEvents(40);
      await newsroom.intake(stream);
      const storyOf = async (id: string) => (await articles.get(id))!.assignment.storyId;
      const oldStory = await storyOf('d0-e0-o0');
      const keptStory = await storyOf('d20-e0-o0');
      const activeStory = await storyOf('d39-e0-o0');
      for (const storyId of [oldStory, keptStory, activeStory]) {
        for (const channelId of ['news', 'slack-C9']) {
          await posts.record({ channelId, storyId, version: '3', articleIds: [], postedAt: 'then', messageId: 'm', sentences: [] });
          await outbox.put({ channelId, storyId, version: '3', state: 'sent', attempts: 1, messageId: 'm', updatedAt: 'then' });
          await outbox.put({ channelId, storyId, version: '4', state: 'failed', attempts: 3, messageId: null, updatedAt: 'then' });
        }
      }

      const deps = {
        articles,
        posts,
        outbox,
        channelIds: async () => ['news', 'slack-C9'],
        keepMs: 30 * DAY,
        clock: () => newsroom.clock(),
        isActive: (storyId: string) => newsroom.isActive(storyId),
      };
      // The clock is day 39 12:02; articles before day 9 12:02 are due: days 0-8, and day 9's reports of
      // 12:00 and 12:01 (two events, two outlets each).
      const first = await pruneArchive(deps, 25);
      expect(first).toEqual({ articles: 25, stories: 9, done: false });
      let deleted = first.articles;
      for (let calls = 0; calls < 20; calls += 1) {
        const result = await pruneArchive(deps, 25);
        deleted += result.articles;
        if (result.done) break;
      }
      expect(deleted).toBe(9 * 6 + 4);
      expect(await articles.get('d0-e0-o0')).toBeUndefined();
      expect(await articles.get('d8-e1-o2')).toBeUndefined();
      expect(await articles.get('d9-e0-o2')).toBeDefined();
      expect((await articles.all()).length).toBe(240 - deleted);
      for (const channelId of ['news', 'slack-C9']) {
        expect(await posts.get(channelId, oldStory)).toBeUndefined();
        expect(await outbox.get(channelId, oldStory, '3')).toBeUndefined();
        expect(await outbox.get(channelId, oldStory, '4')).toBeUndefined();
        expect(await posts.get(channelId, keptStory)).toBeDefined();
        expect(await outbox.get(channelId, activeStory, '4')).toBeDefined();
      }
      // Nothing more is due until the clock moves on.
      expect(await pruneArchive(deps, 25)).toEqual({ articles: 0, stories: 0, done: true });
      expect(await articles.archiveFrom()).toBe(deleted + 1);
      // A kill between deleting a batch and saving the position leaves a window of deleted numbers: the
      // next run steps over it instead of stopping there.
      await articles.setArchiveFrom(1);
      expect(await pruneArchive(deps, 25)).toEqual({ articles: 0, stories: 0, done: false });
      expect(await articles.archiveFrom()).toBe(26);
      // keepMs 0 keeps everything.
      expect(await pruneArchive({ ...deps, keepMs: 0, clock: () => Date.parse('2030-01-01') })).toEqual({ articles: 0, stories: 0, done: true });
    } finally {
      await store.close();
    }
  });
});
