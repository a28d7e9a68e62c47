// Delivery through the outbox with an in-memory chat sink: once per version, updates in threads,
// retries on 429/5xx, and no duplicate after a crash between posting and recording.
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { deliverToChannel, pendingStories, rankedStories, type DeliverDeps } from '../../src/app/deliver-channel.ts';
import type { ChatSink, StoryUpdate } from '../../src/chat/sink.ts';
import { rankStories } from '../../src/digest/rank-stories.ts';
import type { StoryMaterial } from '../../src/digest/story-material.ts';
import type { Article } from '../../src/domain/article.ts';
import type { DigestStory } from '../../src/domain/digest.ts';
import { silentLogger } from '../../src/ops/logger.ts';
import { createOutboxRepository, type OutboxRepository } from '../../src/store/outbox-repository.ts';
import { createPostRepository } from '../../src/store/post-repository.ts';
import type { Summarizer } from '../../src/summarize/types.ts';

const article = (id: string, text: string): Article => ({
  id, title: `Title ${id}`, text, source: `Outlet ${id}`, url: `https://example.com/${id}`, path: null, published: null,
});

const material = (storyId: string, articles: Article[]): StoryMaterial => ({
  story: { id: storyId, articleIds: articles.map((a) => a.id) },
  articles: articles.map((a) => ({ article: a, rewriteOf: null, ingestedAt: '2025-03-14T10:00:00Z' })),
});

// One sentence per article, citing it: enough to see what an update carries.
const summarizer: Summarizer = {
  summarize: async (story) => ({
    headline: story.articles[0]?.title ?? '',
    sentences: story.articles.map((a) => ({ text: a.text, sources: [a.id] })),
  }),
};

function fakeSink(failures: unknown[] = []) {
  const posts: { target: string; story: DigestStory }[] = [];
  const updates: { thread: string; update: StoryUpdate }[] = [];
  const sink: ChatSink = {
    platform: 'fake',
    deliver: async () => [],
    async postStory(target, story) {
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      posts.push({ target, story });
      return `m${posts.length}`;
    },
    async postUpdate(_target, thread, update) {
      updates.push({ thread, update });
      return `u${updates.length}`;
    },
  };
  return { sink, posts, updates };
}

function deps(keyv: Keyv, outbox?: OutboxRepository): DeliverDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    posts: createPostRepository(keyv),
    outbox: outbox ?? createOutboxRepository(keyv),
    summarizer,
    budget: { minSentences: 1, maxSentences: 4, maxWords: 100 },
    now: () => new Date('2025-03-15T08:00:00Z'),
    logger: silentLogger,
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    sleeps,
  };
}

const channel = { id: 'news', target: 'C1', size: 10 };

describe('delivery through the outbox', () => {
  it('posts each story once, and only again as a threaded update with what is new', async () => {
    const keyv = new Keyv();
    const { sink, posts, updates } = fakeSink();
    const a = article('a', 'NATO Secretary General Mark Rutte said on Friday that membership for Ukraine was not part of any peace deal.');
    const first = [material('s1', [a]), material('s2', [article('b', 'Lava from the volcano reached the outskirts of Grindavik on Friday evening.')])];
    expect(await deliverToChannel(channel, sink, first, deps(keyv))).toMatchObject({ posted: 2, unchanged: 0 });
    expect(await deliverToChannel(channel, sink, first, deps(keyv))).toMatchObject({ posted: 0, unchanged: 2 });
    expect(posts).toHaveLength(2);

    const grown = [material('s1', [a, article('c', 'Ukrainian President Volodymyr Zelensky answered on Saturday that Kyiv still expects to join the alliance after the war.')]), first[1]!];
    expect(await deliverToChannel(channel, sink, grown, deps(keyv))).toMatchObject({ posted: 1, unchanged: 1 });
    expect(posts).toHaveLength(2);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.thread).toBe('m1');
    expect(updates[0]?.update.newSentences.map((s) => s.text)).toEqual([
      'Ukrainian President Volodymyr Zelensky answered on Saturday that Kyiv still expects to join the alliance after the war.',
    ]);
    expect(updates[0]?.update.newSentences[0]?.markers).toEqual([2]);
    expect(updates[0]?.update.newSources).toEqual([2]);
  });

  it('posts no story without a headline or summary sentence, and posts it once it has them', async () => {
    const keyv = new Keyv();
    const { sink, posts } = fakeSink();
    const blank: Article = { ...article('h', ''), title: '' };
    expect(await deliverToChannel(channel, sink, [material('s9', [blank])], deps(keyv))).toMatchObject({ posted: 0, failed: 0 });
    expect(posts).toHaveLength(0);
    const grown = material('s9', [article('i', 'The harbour of the town reopened on Monday after two weeks of repairs.'), blank]);
    expect(await deliverToChannel(channel, sink, [grown], deps(keyv))).toMatchObject({ posted: 1 });
    expect(posts[0]?.story.headline).toBe('Title i');
  });

  it('retries a 429 after Retry-After and a 503 with backoff, then posts exactly once', async () => {
    const keyv = new Keyv();
    const { sink, posts } = fakeSink([
      Object.assign(new Error('rate limited'), { status: 429, retryAfterMs: 1000 }),
      Object.assign(new Error('unavailable'), { status: 503 }),
    ]);
    const d = deps(keyv);
    expect(await deliverToChannel(channel, sink, [material('s1', [article('a', 'x.')])], d)).toMatchObject({ posted: 1, failed: 0 });
    expect(posts).toHaveLength(1);
    expect(d.sleeps[0]).toBe(1000);
    expect(d.sleeps).toHaveLength(2);
  });

  it('gives up on an error retrying cannot fix, and tries again on the next run', async () => {
    const keyv = new Keyv();
    const { sink, posts } = fakeSink([Object.assign(new Error('channel_not_found'), { status: 404 })]);
    const stories = [material('s1', [article('a', 'x.')])];
    expect(await deliverToChannel(channel, sink, stories, deps(keyv))).toMatchObject({ posted: 0, failed: 1 });
    expect(await deliverToChannel(channel, sink, stories, deps(keyv))).toMatchObject({ posted: 1, failed: 0 });
    expect(posts).toHaveLength(1);
  });

  it('does not post twice after a crash between posting and recording', async () => {
    const keyv = new Keyv();
    const real = createOutboxRepository(keyv);
    // The process "dies" right after the platform accepted the message: the 'sent' write never lands.
    const crashing: OutboxRepository = {
      get: real.get,
      put: async (entry) => {
        if (entry.state === 'sent') throw new Error('killed');
        await real.put(entry);
      },
    };
    const { sink, posts } = fakeSink();
    const stories = [material('s1', [article('a', 'x.')])];
    await expect(deliverToChannel(channel, sink, stories, deps(keyv, crashing))).rejects.toThrow('killed');
    expect(posts).toHaveLength(1);
    // Restart: same store, healthy process.
    expect(await deliverToChannel(channel, sink, stories, deps(keyv))).toMatchObject({ posted: 0, uncertain: 1 });
    expect(await deliverToChannel(channel, sink, stories, deps(keyv))).toMatchObject({ posted: 0, unchanged: 1 });
    expect(posts).toHaveLength(1);
  });

  it('writes the intent of a post only once the sink says the turn of the channel has come, so a crash while waiting loses nothing', async () => {
    const keyv = new Keyv();
    const real = createOutboxRepository(keyv);
    const events: string[] = [];
    const outbox: OutboxRepository = {
      get: real.get,
      put: async (entry) => {
        events.push(`${entry.state} ${entry.storyId}`);
        await real.put(entry);
      },
    };
    const { sink, posts } = fakeSink();
    let waiting = 0;
    // The "process" dies during the second story's wait for its turn.
    const dying: ChatSink = {
      ...sink,
      whenReady: async (target) => {
        events.push(`turn ${target}`);
        waiting += 1;
        if (waiting === 2) throw new Error('killed');
      },
    };
    const stories = [material('s1', [article('a', 'x.'), article('b', 'y.')]), material('s2', [article('c', 'z.')])];
    await expect(deliverToChannel(channel, dying, stories, deps(keyv, outbox))).rejects.toThrow('killed');
    expect(events).toEqual(['turn C1', 'sending s1', 'sent s1', 'turn C1']);
    // Restart: the second story was never marked as possibly sent, so it is posted now, the first is not.
    expect(await deliverToChannel(channel, sink, stories, deps(keyv))).toMatchObject({ posted: 1, unchanged: 1, uncertain: 0 });
    expect(posts.map((p) => p.story.id)).toEqual(['s1', 's2']);
  });

  it("reads a story's record when its turn comes: the first post waits for one read; order and size as pendingStories", async () => {
    const keyv = new Keyv();
    const reads: string[] = [];
    const real = createPostRepository(keyv);
    const d = { ...deps(keyv), posts: { get: async (channelId: string, storyId: string) => (reads.push(storyId), real.get(channelId, storyId)), record: real.record } };
    const readsAtPost: number[] = [];
    const { sink, posts } = fakeSink();
    const counting: ChatSink = { ...sink, postStory: async (target, story) => (readsAtPost.push(reads.length), sink.postStory!(target, story)) };
    // s2 has the most outlets, then s3, then s1; s3 was posted in its current version before.
    const stories = [
      material('s1', [article('a', 'x.')]),
      material('s2', [article('b', 'y.'), article('c', 'z.'), article('d', 'w.')]),
      material('s3', [article('e', 'v.'), article('f', 'u.')]),
    ];
    await real.record({ channelId: 'news', storyId: 's3', version: '2', articleIds: ['e', 'f'], postedAt: '2025-03-14T10:00:00Z', messageId: 'm0' });
    const expected = await pendingStories({ ...channel, size: 1 }, stories, real, d.now());
    expect(await deliverToChannel({ ...channel, size: 1 }, counting, stories, d)).toMatchObject({ posted: 1, unchanged: expected.unchanged });
    expect(readsAtPost).toEqual([1]);
    expect(posts.map((p) => p.story.id)).toEqual(expected.pending.map((m) => m.story.id));
    expect(await deliverToChannel(channel, counting, stories, d)).toMatchObject({ posted: 1, unchanged: 2 });
    expect(posts.map((p) => p.story.id)).toEqual(['s2', 's1']);
  });

  it('records a post once the sink has no posts waiting (whenIdle), after the platform call', async () => {
    const keyv = new Keyv();
    const real = createOutboxRepository(keyv);
    const events: string[] = [];
    const outbox: OutboxRepository = { get: real.get, put: async (entry) => (events.push(entry.state), real.put(entry)) };
    const { sink } = fakeSink();
    let idle: () => void = () => undefined;
    const waiting: ChatSink = {
      ...sink,
      postStory: async (target, story) => (events.push('post'), sink.postStory!(target, story)),
      whenIdle: () => new Promise<void>((resolve) => (events.push('wait for idle'), (idle = resolve))),
    };
    const delivery = deliverToChannel(channel, waiting, [material('s1', [article('a', 'x.')])], deps(keyv, outbox));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['sending', 'post', 'wait for idle']);
    idle();
    expect(await delivery).toMatchObject({ posted: 1 });
    expect(events).toEqual(['sending', 'post', 'wait for idle', 'sent']);
  });

  it('ranks a set of story versions once: later channels get the same order, of their own materials', () => {
    const stories = [
      material('r1', [article('a', 'x.')]),
      material('r2', [article('b', 'y.'), article('c', 'z.')]),
      material('r3', [article('d', 'w.'), article('e', 'v.'), article('f', 'u.')]),
    ];
    const now = new Date();
    const first = rankedStories(stories, now);
    expect(first.map((m) => m.story.id)).toEqual(rankStories(stories, now).map((m) => m.story.id));
    const again = stories.map((m) => ({ ...m }));
    const second = rankedStories(again, now);
    expect(second.map((m) => m.story.id)).toEqual(first.map((m) => m.story.id));
    expect(second.every((m) => again.includes(m))).toBe(true);
    // A story that grew is a new set: ranked afresh (r1 now has the most outlets).
    const grown = [material('r1', ['g', 'h', 'i', 'j'].map((id) => article(id, 't.'))), stories[1]!, stories[2]!];
    expect(rankedStories(grown, now)[0]?.story.id).toBe('r1');
  });

  it('one failing story does not stop the others', async () => {
    const keyv = new Keyv();
    const { sink, posts } = fakeSink([Object.assign(new Error('invalid_blocks'), { status: 400 })]);
    const stories = [material('s1', [article('a', 'x.'), article('b', 'y.')]), material('s2', [article('c', 'z.')])];
    expect(await deliverToChannel(channel, sink, stories, deps(keyv))).toMatchObject({ posted: 1, failed: 1 });
    expect(posts.map((p) => p.story.id)).toEqual(['s2']);
  });
});
