// Decides which feeds are due and polls them: conditional GET with stored validators, new items only,
// teaser items completed from their article page, failures backed off, 410 Gone disables the feed.
// No timers in here: callers ask `due(now)` / `nextDueAt()` and call `pollDue()`; poll-loop.ts adds
// the real timer for the running bot.
import type { Article } from '../../domain/article.ts';
import { NewsDigestError } from '../../domain/errors.ts';
import { FetchError } from '../fetch/errors.ts';
import type { Fetcher } from '../fetch/safe-fetch.ts';
import { loadFeed } from './load-feed.ts';
import type { PollOptions } from './schedule.ts';
import { backoffDelay, DEFAULT_POLL_OPTIONS, nextSlot, slotAfterPoll } from './schedule.ts';
import type { FeedState, FeedStateStore } from './state-store.ts';
import type { ExtractArticle } from './teaser.ts';
import { fetchFullText, isTeaser } from './teaser.ts';
import type { CleanText } from './to-article.ts';
import { toArticle } from './to-article.ts';
import type { FeedItem } from './types.ts';

export interface PollerDeps {
  readonly fetcher: Fetcher;
  readonly store: FeedStateStore;
  readonly now: () => number;
  /** For backoff jitter; inject a constant in tests. */
  readonly random?: () => number;
  readonly options?: Partial<PollOptions>;
  /** Full-text extraction for teaser items; without it teasers stay teasers. */
  readonly extract?: ExtractArticle;
  readonly clean?: CleanText;
  /** Problems that do not fail the poll (an article page that could not be fetched). */
  readonly onWarning?: (message: string, context: Record<string, unknown>) => void;
}

export interface FeedPollOutcome {
  readonly url: string;
  readonly status: 'ok' | 'not-modified' | 'failed' | 'disabled';
  readonly articles: readonly Article[];
  readonly error: NewsDigestError | null;
  readonly state: FeedState;
}

export interface PollReport {
  readonly articles: Article[];
  readonly outcomes: FeedPollOutcome[];
}

export interface FeedPoller {
  /** Replaces the feed list; duplicates (the same feed in several channels) collapse to one. */
  setFeeds(urls: readonly string[]): void;
  feeds(): readonly string[];
  /** Enabled feeds whose next poll time has come. */
  due(now?: number): Promise<string[]>;
  /** Earliest next poll time over enabled feeds, or null when there is none. */
  nextDueAt(): Promise<number | null>;
  pollFeed(url: string): Promise<FeedPollOutcome>;
  pollDue(now?: number): Promise<PollReport>;
  /** States of every configured feed, for health reports. */
  states(): Promise<FeedState[]>;
  /** Clears the disabled flag and failure count (after the owner fixed a 410'd feed). */
  enable(url: string): Promise<void>;
}

/** One spelling per feed: trimmed, host lower-cased, default port dropped. */
export function normalizeFeedUrl(url: string): string {
  const trimmed = url.trim();
  try {
    return new URL(trimmed).href;
  } catch {
    return trimmed; // polled anyway, so the bad URL shows up in feed health with its error
  }
}

const toNewsDigestError = (error: unknown, url: string): NewsDigestError =>
  error instanceof NewsDigestError
    ? error
    : new NewsDigestError('FEED_POLL_FAILED', `unexpected failure polling ${url}: ${String(error)}`, { url }, { cause: error });

export function createFeedPoller(deps: PollerDeps, initialFeeds: readonly string[] = []): FeedPoller {
  const options: PollOptions = { ...DEFAULT_POLL_OPTIONS, ...deps.options };
  const random = deps.random ?? Math.random;
  let urls: string[] = [];

  // A feed seen for the first time gets its slot stored at once: recomputing it on every call would
  // always put it one interval ahead of the clock and it would never become due.
  const stateOf = async (url: string): Promise<FeedState> => {
    const stored = await deps.store.get(url);
    if (stored !== undefined) return stored;
    const fresh: FeedState = {
      url,
      resolvedUrl: null,
      title: null,
      etag: null,
      lastModified: null,
      lastSuccessAt: null,
      lastError: null,
      consecutiveFailures: 0,
      nextPollAt: new Date(nextSlot(url, deps.now(), options.intervalMs)).toISOString(),
      disabled: false,
      seenIds: [],
    };
    await deps.store.set(url, fresh);
    return fresh;
  };

  const enrich = async (item: FeedItem): Promise<Article> => {
    let fullText: string | null = null;
    if (deps.extract !== undefined && isTeaser(item, options.teaserMinWords)) {
      try {
        fullText = await fetchFullText(item, deps.fetcher, deps.extract);
      } catch (error) {
        // The teaser is still an article; the failure is reported, not swallowed.
        deps.onWarning?.('full text not fetched; keeping the teaser', { url: item.url, error });
      }
    }
    return toArticle(item, fullText, deps.clean);
  };

  const succeed = async (state: FeedState, patch: Partial<FeedState>, articles: Article[], status: 'ok' | 'not-modified') => {
    const now = deps.now();
    const next: FeedState = {
      ...state,
      ...patch,
      lastSuccessAt: new Date(now).toISOString(),
      consecutiveFailures: 0,
      nextPollAt: new Date(slotAfterPoll(state.url, now, options.intervalMs)).toISOString(),
    };
    await deps.store.set(state.url, next);
    return { url: state.url, status, articles, error: null, state: next };
  };

  const fail = async (state: FeedState, error: NewsDigestError): Promise<FeedPollOutcome> => {
    const now = deps.now();
    const fetchError = error instanceof FetchError ? error : undefined;
    const gone = fetchError?.status === 410;
    const failures = state.consecutiveFailures + 1;
    const next: FeedState = {
      ...state,
      disabled: state.disabled || gone,
      consecutiveFailures: failures,
      lastError: {
        code: error.code,
        message: error.message,
        at: new Date(now).toISOString(),
        ...(fetchError?.status === undefined ? {} : { status: fetchError.status }),
      },
      nextPollAt: new Date(now + backoffDelay(failures, options, random, fetchError?.retryAfterMs)).toISOString(),
    };
    await deps.store.set(state.url, next);
    return { url: state.url, status: gone ? 'disabled' : 'failed', articles: [], error, state: next };
  };

  const pollFeed = async (rawUrl: string): Promise<FeedPollOutcome> => {
    const url = normalizeFeedUrl(rawUrl);
    const state = await stateOf(url);
    if (state.disabled) return { url, status: 'disabled', articles: [], error: null, state };
    try {
      const result = await loadFeed(deps.fetcher, { url: state.resolvedUrl ?? url, etag: state.etag, lastModified: state.lastModified });
      if (result.kind === 'not-modified') return await succeed(state, {}, [], 'not-modified');
      const seen = new Set(state.seenIds);
      const fresh = result.feed.items.filter((item) => !seen.has(item.id));
      const articles: Article[] = [];
      for (const item of fresh) articles.push(await enrich(item));
      const currentIds = result.feed.items.map((item) => item.id);
      const kept = state.seenIds.filter((id) => !currentIds.includes(id));
      return await succeed(
        state,
        {
          title: result.feed.title || state.title,
          etag: result.etag,
          lastModified: result.lastModified,
          resolvedUrl: result.discoveredFrom === null ? state.resolvedUrl : result.url,
          seenIds: [...currentIds, ...kept].slice(0, options.seenIdsCap),
        },
        articles,
        'ok',
      );
    } catch (error) {
      return fail(state, toNewsDigestError(error, url));
    }
  };

  const poller: FeedPoller = {
    setFeeds(list) {
      urls = [...new Set(list.map(normalizeFeedUrl))];
    },
    feeds: () => urls,
    async due(now = deps.now()) {
      const states = await Promise.all(urls.map(stateOf));
      return states.filter((s) => !s.disabled && Date.parse(s.nextPollAt) <= now).map((s) => s.url);
    },
    async nextDueAt() {
      const times = (await Promise.all(urls.map(stateOf))).filter((s) => !s.disabled).map((s) => Date.parse(s.nextPollAt));
      return times.length === 0 ? null : Math.min(...times);
    },
    pollFeed,
    async pollDue(now = deps.now()) {
      const queue = await poller.due(now);
      const outcomes: FeedPollOutcome[] = [];
      const worker = async (): Promise<void> => {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) outcomes.push(await pollFeed(url));
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker));
      return { articles: outcomes.flatMap((o) => o.articles), outcomes };
    },
    states: () => Promise.all(urls.map(stateOf)),
    async enable(url) {
      const state = await stateOf(normalizeFeedUrl(url));
      await deps.store.set(state.url, { ...state, disabled: false, consecutiveFailures: 0, nextPollAt: new Date(deps.now()).toISOString() });
    },
  };
  poller.setFeeds(initialFeeds);
  return poller;
}
