// One contract, three backends: every repository behaves the same on memory, a SQLite file and Redis.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { createChannelRepository } from '../../src/store/channel-repository.ts';
import { createFeedRepository } from '../../src/store/feed-repository.ts';
import { openKeyv, type OpenedStore } from '../../src/store/open-keyv.ts';
import { createOutboxRepository } from '../../src/store/outbox-repository.ts';
import { createPostRepository } from '../../src/store/post-repository.ts';
import { tempDir } from '../helpers.ts';
import { useRedisTestDb } from '../redis-test-db.ts';

const dir = tempDir();
const redis = useRedisTestDb(9);
afterAll(() => dir.remove());

const article = (id: string): Article => ({
  id, title: `Title ${id}`, text: `Text of ${id}.`, source: 'Example', url: `https://example.com/${id}`, path: null, published: null,
});
const assignment = (id: string) => ({ articleId: id, storyId: `s-${id}`, rewriteOf: null, score: 0 });

const BACKENDS: readonly [string, () => string][] = [
  ['memory', () => 'memory:'],
  ['sqlite', () => `sqlite://${join(dir.path, 'contract.sqlite')}`],
  ['redis', () => redis.url],
];

describe.each(BACKENDS)('repositories on %s', (name, url) => {
  let store: OpenedStore;
  beforeAll(async () => {
    store = await openKeyv(url(), dir.path);
  });
  afterAll(async () => {
    await store.close();
  });

  it('articles: add in sequence, look up, list and catch up from a sequence number', async () => {
    const repo = createArticleRepository(store.keyv);
    expect(await repo.has('a1')).toBe(false);
    const first = await repo.add(article('a1'), assignment('a1'), '2025-03-14T10:00:00.000Z');
    const second = await repo.add(article('a2'), assignment('a2'), '2025-03-14T10:01:00.000Z');
    expect(second.seq).toBe(first.seq + 1);
    expect(await repo.has('a1')).toBe(true);
    expect((await repo.get('a2'))?.article.title).toBe('Title a2');
    expect((await repo.all()).map((r) => r.article.id)).toEqual(['a1', 'a2']);
    expect((await repo.since(first.seq)).map((r) => r.article.id)).toEqual(['a2']);
    // A second repository on the same store (another instance) sees the same sequence.
    const other = createArticleRepository(store.keyv);
    expect(await other.lastSeq()).toBe(second.seq);
  });

  it('articles: a batch gets consecutive sequence numbers, and existence is looked up in bulk', async () => {
    const repo = createArticleRepository(store.keyv);
    const before = await repo.lastSeq();
    const ids = Array.from({ length: 1203 }, (_, k) => `b${k}`);
    const records = await repo.addMany(ids.map((id) => ({ article: article(id), assignment: assignment(id), ingestedAt: '2025-03-14T11:00:00.000Z' })));
    expect(records.map((r) => r.seq)).toEqual(ids.map((_, k) => before + k + 1));
    expect(await repo.lastSeq()).toBe(before + ids.length);
    expect((await repo.since(before)).map((r) => r.article.id)).toEqual(ids);
    const stored = await repo.storedOf(['b0', 'b1202', 'missing', 'b600']);
    expect([...stored].sort()).toEqual(['b0', 'b1202', 'b600']);
    expect((await repo.get('b1202'))?.article.title).toBe('Title b1202');
  });

  it('articles: ranges, removal and the saved restart and archive positions', async () => {
    const repo = createArticleRepository(store.keyv);
    const before = await repo.lastSeq();
    await repo.addMany(['r1', 'r2', 'r3', 'r4'].map((id) => ({ article: article(id), assignment: assignment(id), ingestedAt: '2025-03-14T12:00:00.000Z' })));
    const range = await repo.range(before + 2, 2);
    expect(range.map((r) => r.article.id)).toEqual(['r2', 'r3']);
    await repo.remove(range);
    expect(await repo.get('r2')).toBeUndefined();
    expect((await repo.range(before + 1, 10)).map((r) => r.article.id)).toEqual(['r1', 'r4']);
    expect((await repo.since(before)).map((r) => r.article.id)).toEqual(['r1', 'r4']);
    expect(await repo.lastSeq()).toBe(before + 4);
    expect(await repo.activeFrom()).toBe(1);
    await repo.setActiveFrom(before + 4);
    expect(await repo.activeFrom()).toBe(before + 4);
    expect(await repo.archiveFrom()).toBe(1);
    await repo.setArchiveFrom(before + 3);
    expect(await repo.archiveFrom()).toBe(before + 3);
  });

  it('posts and outbox entries of expired stories are forgotten', async () => {
    const posts = createPostRepository(store.keyv);
    const outbox = createOutboxRepository(store.keyv);
    await posts.record({ channelId: 'c', storyId: 'old', version: '1', articleIds: [], postedAt: 'now', messageId: null });
    await outbox.put({ channelId: 'c', storyId: 'old', version: '1', state: 'sent', attempts: 1, messageId: null, updatedAt: 'now' });
    await outbox.forget('c', [{ storyId: 'old', version: '1' }, { storyId: 'old', version: '2' }]);
    await posts.forget('c', ['old', 'never-posted']);
    expect(await posts.get('c', 'old')).toBeUndefined();
    expect(await outbox.get('c', 'old', '1')).toBeUndefined();
  });

  it('posts, outbox, channels and feeds keep what they were given', async () => {
    const posts = createPostRepository(store.keyv);
    await posts.record({ channelId: 'c', storyId: 's', version: '2', articleIds: ['a1', 'a2'], postedAt: 'now', messageId: 'm1', sentences: ['x'] });
    expect(await posts.get('c', 's')).toMatchObject({ version: '2', messageId: 'm1', sentences: ['x'] });
    expect(await posts.get('c', 'other')).toBeUndefined();

    const outbox = createOutboxRepository(store.keyv);
    await outbox.put({ channelId: 'c', storyId: 's', version: '2', state: 'sending', attempts: 1, messageId: null, updatedAt: 'now' });
    expect((await outbox.get('c', 's', '2'))?.state).toBe('sending');

    const channels = createChannelRepository(store.keyv);
    await channels.put({ channelId: 'slack-C1', platform: 'slack', target: 'C1', size: 5, quiet: { start: 1320, end: 420 } });
    expect(await channels.get('slack-C1')).toMatchObject({ size: 5, quiet: { start: 1320, end: 420 } });
    expect(await channels.ids()).toContain('slack-C1');

    const feeds = createFeedRepository(store.keyv);
    const added = await feeds.add('https://example.com/rss', 'Example', 'U1', 'now');
    expect(await feeds.add('https://example.com/rss', 'Again', 'U2', 'later')).toEqual(added);
    expect((await feeds.list()).map((f) => f.url)).toEqual(['https://example.com/rss']);
    expect(await feeds.remove(added.id)).toEqual(added);
    expect(await feeds.list()).toEqual([]);
  });

  // Memory keeps nothing by design.
  it.skipIf(name === 'memory')('state survives closing and reopening the store', async () => {
    const reopened = await openKeyv(url(), dir.path);
    try {
      expect((await createArticleRepository(reopened.keyv).all()).map((r) => r.article.id).slice(0, 2)).toEqual(['a1', 'a2']);
      expect((await createPostRepository(reopened.keyv).get('c', 's'))?.messageId).toBe('m1');
    } finally {
      await reopened.close();
    }
  });

  it('leases exclude a second owner', async () => {
    expect(await store.locks.acquire('contract', 'one', 5_000)).toBe(true);
    expect(await store.locks.acquire('contract', 'two', 5_000)).toBe(false);
    await store.locks.release('contract', 'one');
  });
});
