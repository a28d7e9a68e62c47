import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { createNewsroom } from '../../src/digest/newsroom.ts';
import { readArticleFiles } from '../../src/ingest/file-source.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { SEEDS } from '../helpers.ts';

const now = () => new Date('2025-03-15T08:00:00Z');
const storiesOf = (room: ReturnType<typeof createNewsroom>) =>
  room.engine.stories().map((s) => [s.id, [...s.articleIds]]).sort();

describe('newsroom', () => {
  it('replays the store into identical stories, and a second instance catches up with refresh()', async () => {
    const keyv = new Keyv();
    const { articles } = await readArticleFiles([SEEDS]);
    const first = createNewsroom(createStoryEngine(), createArticleRepository(keyv), now);
    const result = await first.intake(articles);
    expect(result.added).toHaveLength(5);

    const restarted = createNewsroom(createStoryEngine(), createArticleRepository(keyv), now);
    expect(await restarted.replay()).toBe(5);
    expect(storiesOf(restarted)).toEqual(storiesOf(first));

    const other = createNewsroom(createStoryEngine(), createArticleRepository(keyv), now);
    await other.replay();
    const late = { ...articles[0]!, id: 'a-late', title: 'A late copy', path: null };
    await first.intake([late]);
    expect(await other.refresh()).toBe(1);
    expect(await other.refresh()).toBe(0);
    expect(storiesOf(other)).toEqual(storiesOf(first));
    expect((await other.intake(articles)).alreadyKnown).toBe(5);
  });
});
