import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { createNewsroom } from '../../src/digest/newsroom.ts';
import { readArticleFiles } from '../../src/ingest/file-source.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { SEEDS } from '../helpers.ts';
import { dailyEvents } from './daily-events.ts';

const DAY = 86_400_000;
const now = () => new Date('2025-03-15T08:00:00Z');
const room = (keyv: Keyv, activeMs = 0) =>
  createNewsroom(createArticleRepository(keyv), { createEngine: () => createStoryEngine(), now, activeMs });
const storiesOf = (newsroom: ReturnType<typeof createNewsroom>) =>
  newsroom.materials().map((m) => [m.story.id, [...m.story.articleIds]]).sort();

describe('newsroom', () => {
  it('restores the store into identical stories, and a second instance catches up with refresh()', async () => {
    const keyv = new Keyv();
    const { articles } = await readArticleFiles([SEEDS]);
    const first = room(keyv);
    const result = await first.intake(articles);
    expect(result.added).toHaveLength(5);

    const restarted = room(keyv);
    expect(await restarted.replay()).toBe(5);
    expect(storiesOf(restarted)).toEqual(storiesOf(first));
    // Stories come from the stored assignments; articles already stored do not need the engine restored.
    expect((await restarted.intake(articles)).alreadyKnown).toBe(5);
    expect(restarted.memory()).toMatchObject({ articles: 5, engineArticles: 0 });

    const other = room(keyv);
    await other.replay();
    const late = { ...articles[0]!, id: 'a-late', title: 'A late copy', path: null };
    await first.intake([late]);
    expect(await other.refresh()).toBe(1);
    expect(await other.refresh()).toBe(0);
    expect(storiesOf(other)).toEqual(storiesOf(first));
    expect((await other.intake(articles)).alreadyKnown).toBe(5);
  });

  it('a restart places later articles exactly as a bot that never stopped', async () => {
    const stream = dailyEvents(6);
    const continuous = room(new Keyv());
    await continuous.intake(stream);

    const keyv = new Keyv();
    await room(keyv).intake(stream.slice(0, 20));
    const restarted = room(keyv);
    await restarted.replay();
    await restarted.intake(stream.slice(20));

    expect(storiesOf(restarted)).toEqual(storiesOf(continuous));
    // Same story and rewrite for every article; the join probability agrees to float precision.
    const placed = (newsroom: ReturnType<typeof room>) =>
      stream.map((article) => {
        const assignment = newsroom.assignment(article.id)!;
        return [assignment.storyId, assignment.rewriteOf, assignment.score.toFixed(6)];
      });
    expect(placed(restarted)).toEqual(placed(continuous));
  });

  it('retires stories older than the active window: out of memory and the digest, still in the store', async () => {
    const stream = dailyEvents(10);
    const keyv = new Keyv();
    const newsroom = room(keyv, 2 * DAY);
    await newsroom.intake(stream);
    const repository = createArticleRepository(keyv);
    expect(await repository.lastSeq()).toBe(60);

    // The clock is the newest article (day 9, 12:03); stories whose newest article is before day 7 12:03 left.
    const active = newsroom.materials();
    expect(active.map((m) => m.articles.length)).toEqual([3, 3, 3, 3, 3, 3].slice(0, active.length));
    expect(new Set(active.flatMap((m) => m.articles.map((a) => a.article.id.split('-')[0])))).toEqual(new Set(['d7', 'd8', 'd9']));
    expect(newsroom.memory().stories).toBe(6);
    expect((await repository.get('d0-e0-o0'))?.article.id).toBe('d0-e0-o0');

    // A restart reads from the oldest active article on, and restores the same active stories.
    expect(await repository.activeFrom()).toBe(43);
    const restarted = room(keyv, 2 * DAY);
    expect(await restarted.replay()).toBe(18);
    expect(storiesOf(restarted)).toEqual(storiesOf(newsroom));
    // A late report on a retired event opens a new story instead of joining the archived one.
    await restarted.intake([{ ...stream[0]!, id: 'late-d0', published: '2025-03-14T13:00:00Z' }]);
    expect(restarted.assignment('late-d0')?.storyId).not.toBe((await repository.get('d0-e0-o0'))?.assignment.storyId);
  });

  it('gives memory back: retired articles are dropped by a rebuild once they outnumber the active ones enough', async () => {
    const stream = dailyEvents(400);
    const newsroom = createNewsroom(createArticleRepository(new Keyv()), {
      createEngine: () => createStoryEngine(),
      now,
      activeMs: 2 * DAY,
      minRetiredForRebuild: 200,
    });
    await newsroom.intake(stream);
    const { articles, engineArticles, retiredArticles } = newsroom.memory();
    expect(articles).toBeLessThanOrEqual(3 * 6);
    expect(engineArticles).toBe(articles);
    // Rebuilds ran (2,382 articles retired in all), each once 200 were waiting.
    expect(retiredArticles).toBeLessThan(200 + 500);
    expect(newsroom.materials()).toHaveLength(6);
  });
});
