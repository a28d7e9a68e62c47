// The bot's memory of articles and stories: the story engine plus the article store. New articles go
// through intake() once. Memory holds only the active window: a story whose newest article is older than
// `activeMs` (on the stream's own clock, see below) is retired, its articles leave memory and it is no
// longer a digest candidate; the store keeps them as an archive (archive-pruner.ts deletes them later).
// On start, replay() restores the active window from the store with each article's stored assignment:
// nothing is clustered again, and only the active window is read and analysed (see activeFrom below).
import type { Article } from '../domain/article.ts';
import type { StoryEngine } from '../cluster/types.ts';
import type { ArticleRepository, NewArticle, StoredArticle } from '../store/article-repository.ts';
import type { StoryMaterial } from './story-material.ts';

export interface IntakeResult {
  /** Articles stored for the first time. */
  readonly added: readonly Article[];
  /** Of those, how many rewrite an earlier article. */
  readonly rewrites: number;
  /** Stories opened by this intake. */
  readonly newStories: number;
  /** Articles skipped because the store already had them (a restart, or the same file read again). */
  readonly alreadyKnown: number;
}

export interface Newsroom {
  /** Restores the active window from the store; returns how many articles it restored. */
  replay(onProgress?: (done: number, total: number) => void): Promise<number>;
  /** Add to the engine what other instances stored since the last replay or refresh; returns how many. */
  refresh(): Promise<number>;
  intake(articles: readonly Article[], onProgress?: (done: number, total: number) => void): Promise<IntakeResult>;
  /** Every active story with its articles. */
  materials(): StoryMaterial[];
  material(storyId: string): StoryMaterial | undefined;
  /** The stream's clock (ms): the newest article time seen, never ahead of its ingest time. NaN before any. */
  clock(): number;
  /** Articles in memory: active ones, and retired ones not yet given back (see compaction below). */
  memory(): { articles: number; retiredArticles: number; stories: number };
  /** The current engine (a rebuild replaces it: read it through this property each time). */
  readonly engine: StoryEngine;
}

export interface NewsroomOptions {
  readonly createEngine: () => StoryEngine;
  readonly now: () => Date;
  /** Stories whose newest article is older than this (ms) are retired; 0 keeps every story active. */
  readonly activeMs: number;
}

/** Articles written per store batch during an intake (one statement or transaction each). */
const FLUSH_EVERY = 500;
/** Articles restored between yields to the event loop, so a rebuild never holds up posting for long. */
const YIELD_EVERY = 200;
/** A rebuild gives memory back once retired articles outnumber active ones and at least this many. */
const MIN_RETIRED_FOR_REBUILD = 2_000;

/**
 * When an article happened, for the active window and the archive: its publication time, but never later
 * than when it was ingested (a feed's clock can be wrong, and a future date must not make the stream's
 * clock jump ahead and retire every story). Undated articles count from their ingest time.
 */
export function activityOf(record: Pick<StoredArticle, 'article' | 'ingestedAt'>): number {
  const ingested = Date.parse(record.ingestedAt);
  const published = record.article.published === null ? NaN : Date.parse(record.article.published);
  return Number.isNaN(published) ? ingested : Math.min(published, ingested);
}

export function createNewsroom(repository: ArticleRepository, options: NewsroomOptions): Newsroom {
  let engine = options.createEngine();
  // Records of the articles in play (not retired), and each active story's newest activity.
  const records = new Map<string, StoredArticle>();
  const storyLast = new Map<string, number>();
  // The stream's clock: retirement follows the articles' own times, not the wall clock, so a backfill of
  // last month's articles clusters as it would have live, and an idle week retires nothing (and grows
  // nothing either).
  let clock = NaN;
  let seenSeq = 0;
  // Set when a store write failed after the engine placed the articles: memory is then ahead of the
  // store, so the next call rebuilds it from the store before doing anything else.
  let stale = false;
  let queue: Promise<unknown> = Promise.resolve();

  // replay, refresh, intake and rebuilds change the engine: one at a time.
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const note = (record: StoredArticle): void => {
    records.set(record.article.id, record);
    seenSeq = Math.max(seenSeq, record.seq);
    const activity = activityOf(record);
    if (Number.isNaN(activity)) return;
    clock = Number.isNaN(clock) ? activity : Math.max(clock, activity);
    const storyId = record.assignment.storyId;
    storyLast.set(storyId, Math.max(storyLast.get(storyId) ?? activity, activity));
  };

  const restore = (record: StoredArticle): void => {
    if (records.has(record.article.id)) {
      seenSeq = Math.max(seenSeq, record.seq);
      return;
    }
    engine.restore(record.article, record.assignment);
    note(record);
  };

  /** Retires the stories that fell out of the active window; rebuilds the engine when that pays. */
  async function retireStale(): Promise<void> {
    if (options.activeMs <= 0 || Number.isNaN(clock)) return;
    const cutoff = clock - options.activeMs;
    const retiring = [...storyLast].filter(([, last]) => last < cutoff).map(([id]) => id);
    if (retiring.length === 0) return;
    for (const storyId of retiring) {
      for (const articleId of engine.story(storyId)?.articleIds ?? []) records.delete(articleId);
      storyLast.delete(storyId);
    }
    engine.retire(retiring);
    const { articles, retiredArticles } = engine.memory();
    if (retiredArticles >= Math.max(MIN_RETIRED_FOR_REBUILD, articles)) await rebuild();
  }

  /** A fresh engine with only the articles in play, restored in arrival order. */
  async function rebuild(): Promise<void> {
    const next = options.createEngine();
    const ordered = [...records.values()].sort((a, b) => a.seq - b.seq);
    for (const [k, record] of ordered.entries()) {
      next.restore(record.article, record.assignment);
      if (k % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    }
    engine = next;
  }

  /** Where the next replay starts reading: the oldest article in play (or past the last one). */
  async function saveActiveFrom(): Promise<void> {
    let from = seenSeq + 1;
    for (const record of records.values()) from = Math.min(from, record.seq);
    await repository.setActiveFrom(from);
  }

  async function replayAll(onProgress?: (done: number, total: number) => void): Promise<number> {
    engine = options.createEngine();
    records.clear();
    storyLast.clear();
    clock = NaN;
    const from = await repository.activeFrom();
    const last = await repository.lastSeq();
    let restored = 0;
    await repository.scan(from - 1, async (chunk) => {
      for (const record of chunk) restore(record);
      restored += chunk.length;
      onProgress?.(Math.min(restored, last - from + 1), Math.max(1, last - from + 1));
      await retireStale();
      await yieldToEventLoop();
    });
    seenSeq = Math.max(seenSeq, last);
    stale = false;
    await saveActiveFrom();
    return records.size;
  }

  const fresh = async (): Promise<void> => {
    if (stale) await replayAll();
  };

  function toMaterial(storyId: string): StoryMaterial | undefined {
    const story = engine.story(storyId);
    if (story === undefined) return undefined;
    const articles = story.articleIds.flatMap((id) => {
      const record = records.get(id);
      return record === undefined
        ? []
        : [{ article: record.article, rewriteOf: record.assignment.rewriteOf, ingestedAt: record.ingestedAt }];
    });
    return { story, articles };
  }

  return {
    get engine() {
      return engine;
    },
    replay: (onProgress) => exclusive(() => replayAll(onProgress)),
    refresh: () =>
      exclusive(async () => {
        await fresh();
        let count = 0;
        await repository.scan(seenSeq, (chunk) => {
          for (const record of chunk) {
            if (!records.has(record.article.id)) count += 1;
            restore(record);
          }
        });
        if (count > 0) await retireStale();
        return count;
      }),
    intake: (articles, onProgress) =>
      exclusive(async () => {
        await fresh();
        const ordered = inArrivalOrder(articles);
        const stored = await repository.storedOf(ordered.filter((a) => !records.has(a.id)).map((a) => a.id));
        const added: Article[] = [];
        let rewrites = 0;
        let newStories = 0;
        let alreadyKnown = 0;
        let pending: NewArticle[] = [];
        const flush = async () => {
          const batch = pending;
          pending = [];
          try {
            for (const record of await repository.addMany(batch)) note(record);
          } catch (error) {
            stale = true;
            throw error;
          }
          await retireStale();
        };
        for (const [index, article] of ordered.entries()) {
          if (records.has(article.id) || stored.has(article.id)) {
            alreadyKnown += 1;
          } else {
            const assignment = engine.add(article);
            pending.push({ article, assignment, ingestedAt: options.now().toISOString() });
            added.push(article);
            if (assignment.rewriteOf !== null) rewrites += 1;
            if (engine.story(assignment.storyId)?.articleIds.length === 1) newStories += 1;
            if (pending.length >= FLUSH_EVERY) await flush();
          }
          onProgress?.(index + 1, ordered.length);
        }
        if (pending.length > 0) await flush();
        if (added.length > 0) await saveActiveFrom();
        return { added, rewrites, newStories, alreadyKnown };
      }),
    materials: () => engine.stories().flatMap((story) => toMaterial(story.id) ?? []),
    material: toMaterial,
    clock: () => clock,
    memory: () => ({ ...engine.memory(), stories: storyLast.size }),
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Online clustering sees articles in time order; undated ones keep their given order, after dated ones. */
function inArrivalOrder(articles: readonly Article[]): Article[] {
  const unique = [...new Map(articles.map((a) => [a.id, a])).values()];
  return unique
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (a.article.published ?? '\uffff').localeCompare(b.article.published ?? '\uffff') || a.index - b.index)
    .map((x) => x.article);
}
