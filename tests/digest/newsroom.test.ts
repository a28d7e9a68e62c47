import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import type { Article } from '../../src/domain/article.ts';
import { createNewsroom } from '../../src/digest/newsroom.ts';
import { readArticleFiles } from '../../src/ingest/file-source.ts';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { SEEDS } from '../helpers.ts';

const DAY = 86_400_000;
const now = () => new Date('2025-03-15T08:00:00Z');
const room = (keyv: Keyv, activeMs = 0) =>
  createNewsroom(createArticleRepository(keyv), { createEngine: () => createStoryEngine(), now, activeMs });
const storiesOf = (newsroom: ReturnType<typeof createNewsroom>) =>
  newsroom.engine.stories().map((s) => [s.id, [...s.articleIds]]).sort();

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'vo', 'de', 'bu', 'zen', 'pha', 'gor', 'til', 'wu', 'yam'];

/** Invented words for one event, from a small seeded generator: events share no content words. */
function eventWords(event: number, count: number): string[] {
  let state = (event + 1) * 2_654_435_761;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 2_246_822_507) + 0x9e3779b9) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () => Array.from({ length: 4 }, () => SYLLABLES[next() % SYLLABLES.length]).join(''));
}

/** Two distinct events a day, each reported by three outlets, over `days` days ending 2025-03-14. */
function dailyEvents(days: number): Article[] {
  const out: Article[] = [];
  for (let day = 0; day < days; day += 1) {
    for (let event = 0; event < 2; event += 1) {
      const w = eventWords(day * 2 + event, 12);
      for (let outlet = 0; outlet < 3; outlet += 1) {
        const published = new Date(Date.parse('2025-03-14T12:00:00Z') - (days - 1 - day) * DAY + outlet * 60_000).toISOString();
        // Each outlet tells the event in its own order of the event's words.
        const turn = (k: number) => w[(k + outlet * 5) % w.length]!;
        out.push({
          id: `d${day}-e${event}-o${outlet}`,
          title: `${w[0]} ${w[1]} ${w[2]}`,
          text: [0, 1, 2, 3].map((k) => `${turn(k)} ${turn(k + 3)} ${turn(k + 7)} ${turn(k + 1)} ${turn(k + 9)}.`).join(' '),
          source: `Outlet ${outlet}`,
          url: null,
          path: null,
          published,
        });
      }
    }
  }
  return out;
}

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
        const assignment = newsroom.engine.assignment(article.id)!;
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
    expect(restarted.engine.assignment('late-d0')?.storyId).not.toBe(newsroom.engine.assignment('d0-e0-o0')?.storyId);
  });

  it('gives memory back: retired articles are dropped by a rebuild once they outnumber the active ones', async () => {
    const stream = dailyEvents(400);
    const newsroom = room(new Keyv(), 2 * DAY);
    await newsroom.intake(stream);
    const { articles, retiredArticles } = newsroom.memory();
    expect(articles).toBeLessThanOrEqual(3 * 6);
    expect(retiredArticles).toBeLessThan(2_000 + 3 * 6);
    expect(newsroom.materials()).toHaveLength(6);
  });
});
