// The bot's memory of articles and stories: the story engine plus the article store. New articles go
// through intake() once. Memory holds only the active window: a story whose newest article is older than
// `activeMs` (on the stream's own clock, see below) is retired, its articles leave memory and it is no
// longer a digest candidate; the store keeps them as an archive (archive-pruner.ts deletes them later).
// On start, replay() reads the active window from the store with each article's stored assignment:
// nothing is clustered again, and only the active window is read. The stories and their articles are
// known from the assignments alone, so digests and /story work at once; the engine, which only placing
// new articles needs, is restored from the same records (analysed again, no candidate search) the first
// time an article arrives or an explanation is asked for.
import type { Article } from '../domain/article.ts';
import type { Explanation, StoryEngine } from '../cluster/types.ts';
import type { Assignment } from '../domain/story.ts';
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
  /** Every active story with its articles, oldest story first. */
  materials(): StoryMaterial[];
  material(storyId: string): StoryMaterial | undefined;
  /** Whether a story is active (in memory, a digest candidate), not retired or unknown. */
  isActive(storyId: string): boolean;
  /** Where an active article was placed. */
  assignment(articleId: string): Assignment | undefined;
  /** Active stories. */
  storyCount(): number;
  /** Why an active article was placed where it is (restores the engine first if need be). */
  explain(articleId: string, otherArticleId?: string): Promise<Explanation | undefined>;
  /** The stream's clock (ms): the newest article time seen, never ahead of its ingest time. NaN before any. */
  clock(): number;
  /**
   * Active articles and stories, and what the engine holds: its articles in play and retired ones not yet
   * given back by a rebuild (both 0 while it is not restored).
   */
  memory(): { articles: number; stories: number; engineArticles: number; retiredArticles: number };
}

export interface NewsroomOptions {
  readonly createEngine: () => StoryEngine;
  readonly now: () => Date;
  /** Stories whose newest article is older than this (ms) are retired; 0 keeps every story active. */
  readonly activeMs: number;
  /** Retired articles before a rebuild may run (default MIN_RETIRED_FOR_REBUILD; tests set it low). */
  readonly minRetiredForRebuild?: number;
}

/** Articles written per store batch during an intake (one statement or transaction each). */
const FLUSH_EVERY = 500;
/** Articles restored between yields to the event loop, so a rebuild never holds up posting for long. */
const YIELD_EVERY = 200;
/**
 * Retiring gives back most of an article's memory at once (engine.retire); a rebuild, which analyses the
 * live articles again, gives back the small rest. It runs once retired articles reach this many times
 * the live ones, and at least MIN_RETIRED_FOR_REBUILD: each article is analysed again about
 * 1 / REBUILD_RATIO times on average, and what retired articles keep stays a small multiple of the window.
 */
const REBUILD_RATIO = 4;
const MIN_RETIRED_FOR_REBUILD = 20_000;

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
  // Null until placing needs it (see restoreEngine).
  let engine: StoryEngine | null = null;
  // Records of the articles in play (not retired), each active story's articles in arrival order, and its
  // newest activity.
  const records = new Map<string, StoredArticle>();
  const storyArticles = new Map<string, string[]>();
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
    const storyId = record.assignment.storyId;
    const members = storyArticles.get(storyId);
    if (members === undefined) storyArticles.set(storyId, [record.article.id]);
    else members.push(record.article.id);
    const activity = activityOf(record);
    if (Number.isNaN(activity)) return;
    clock = Number.isNaN(clock) ? activity : Math.max(clock, activity);
    storyLast.set(storyId, Math.max(storyLast.get(storyId) ?? activity, activity));
  };

  /** Takes in a record another process (or an earlier run) stored; the engine, if restored, places it as stored. */
  const absorb = (record: StoredArticle): boolean => {
    if (records.has(record.article.id)) {
      seenSeq = Math.max(seenSeq, record.seq);
      return false;
    }
    engine?.restore(record.article, record.assignment);
    note(record);
    return true;
  };

  /** The engine, restored from the records in play when it is first needed. */
  async function restoreEngine(): Promise<StoryEngine> {
    if (engine === null) engine = await engineOf(records.values());
    return engine;
  }

  /** A fresh engine holding `stored`, restored in arrival order, yielding so that posting goes on. */
  async function engineOf(stored: Iterable<StoredArticle>): Promise<StoryEngine> {
    const next = options.createEngine();
    const ordered = [...stored].sort((a, b) => a.seq - b.seq);
    for (const [k, record] of ordered.entries()) {
      next.restore(record.article, record.assignment);
      if (k % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    }
    return next;
  }

  /** Retires the stories that fell out of the active window; rebuilds the engine when that pays. */
  async function retireStale(): Promise<void> {
    if (options.activeMs <= 0 || Number.isNaN(clock)) return;
    const cutoff = clock - options.activeMs;
    const retiring = [...storyLast].filter(([, last]) => last < cutoff).map(([id]) => id);
    if (retiring.length === 0) return;
    for (const storyId of retiring) {
      for (const articleId of storyArticles.get(storyId) ?? []) records.delete(articleId);
      storyArticles.delete(storyId);
      storyLast.delete(storyId);
    }
    if (engine === null) return;
    engine.retire(retiring);
    const { articles, retiredArticles } = engine.memory();
    const minimum = options.minRetiredForRebuild ?? MIN_RETIRED_FOR_REBUILD;
    if (retiredArticles >= Math.max(minimum, REBUILD_RATIO * articles)) engine = await engineOf(records.values());
  }

  /** Where the next replay starts reading: the oldest article in play (or past the last one). */
  async function saveActiveFrom(): Promise<void> {
    let from = seenSeq + 1;
    for (const record of records.values()) from = Math.min(from, record.seq);
    await repository.setActiveFrom(from);
  }

  async function replayAll(onProgress?: (done: number, total: number) => void): Promise<number> {
    engine = null;
    records.clear();
    storyArticles.clear();
    storyLast.clear();
    clock = NaN;
    const from = await repository.activeFrom();
    const last = await repository.lastSeq();
    let restored = 0;
    await repository.scan(from - 1, async (chunk) => {
      for (const record of chunk) absorb(record);
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
    const articleIds = storyArticles.get(storyId);
    if (articleIds === undefined) return undefined;
    const story = { id: storyId, articleIds: [...articleIds] };
    const articles = articleIds.flatMap((id) => {
      const record = records.get(id);
      return record === undefined
        ? []
        : [{ article: record.article, rewriteOf: record.assignment.rewriteOf, ingestedAt: record.ingestedAt }];
    });
    return { story, articles };
  }

  return {
    replay: (onProgress) => exclusive(() => replayAll(onProgress)),
    refresh: () =>
      exclusive(async () => {
        await fresh();
        let count = 0;
        await repository.scan(seenSeq, (chunk) => {
          for (const record of chunk) if (absorb(record)) count += 1;
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
        // Only placing needs the engine: an intake of articles already stored does not restore it.
        // Read it through `engine` each time below: a flush can retire stories and rebuild it.
        if (ordered.some((a) => !records.has(a.id) && !stored.has(a.id))) await restoreEngine();
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
            const assignment = engine!.add(article);
            pending.push({ article, assignment, ingestedAt: options.now().toISOString() });
            added.push(article);
            if (assignment.rewriteOf !== null) rewrites += 1;
            if (engine!.story(assignment.storyId)?.articleIds.length === 1) newStories += 1;
            if (pending.length >= FLUSH_EVERY) await flush();
          }
          onProgress?.(index + 1, ordered.length);
        }
        if (pending.length > 0) await flush();
        if (added.length > 0) await saveActiveFrom();
        return { added, rewrites, newStories, alreadyKnown };
      }),
    materials: () => [...storyArticles.keys()].flatMap((id) => toMaterial(id) ?? []),
    material: toMaterial,
    isActive: (storyId) => storyArticles.has(storyId),
    assignment: (articleId) => records.get(articleId)?.assignment,
    storyCount: () => storyArticles.size,
    explain: (articleId, otherArticleId) =>
      exclusive(async () => {
        await fresh();
        return (await restoreEngine()).explain(articleId, otherArticleId);
      }),
    clock: () => clock,
    memory: () => {
      const held = engine?.memory() ?? { articles: 0, retiredArticles: 0 };
      return { articles: records.size, stories: storyArticles.size, engineArticles: held.articles, retiredArticles: held.retiredArticles };
    },
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
