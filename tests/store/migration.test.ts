// A store written by the previous version (article records, their sequence index and counter, but no
// saved active window): opening it restores every article with the assignment it was stored with, once,
// and records where the next start reads from. The fixture was written by `news-digest ingest seeds`
// at commit b0386c1, into a fresh SQLite file.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { createNewsroom } from '../../src/digest/newsroom.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { ROOT, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => dir.remove());

describe('opening a store written by the previous version', () => {
  it('restores its articles and stories with their stored assignments, then reads only the active window', async () => {
    const file = join(dir.path, 'old.sqlite');
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'store-v0.1-seeds.sqlite'), file);
    const store = await openKeyv(`sqlite://${file}`, dir.path);
    try {
      const repository = createArticleRepository(store.keyv);
      const stored = await repository.all();
      expect(stored).toHaveLength(5);
      const newsroom = createNewsroom(repository, {
        createEngine: () => createStoryEngine(),
        now: () => new Date('2026-12-06T08:00:00Z'),
        activeMs: 3 * 86_400_000,
      });
      const progress: number[] = [];
      expect(await newsroom.replay((done) => progress.push(done))).toBe(5);
      expect(progress.at(-1)).toBe(5);
      for (const record of stored) {
        expect(newsroom.assignment(record.article.id)).toEqual(record.assignment);
      }
      const stories = new Set(stored.map((r) => r.assignment.storyId));
      expect(newsroom.materials().map((m) => m.story.id).sort()).toEqual([...stories].sort());
      // Nothing is lost: the same articles offered again are all known, and a new one gets the next number.
      // (Read from the store, not seeds/: cleaning has changed since, and with it one seed's id.)
      expect((await newsroom.intake(stored.map((r) => r.article))).alreadyKnown).toBe(5);
      await newsroom.intake([{ ...stored[0]!.article, id: 'a-new', path: null }]);
      expect((await repository.get('a-new'))?.seq).toBe(6);
      expect(await repository.activeFrom()).toBe(1);
    } finally {
      await store.close();
    }
  });
});
