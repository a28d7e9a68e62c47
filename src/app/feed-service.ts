// Feeds in the running bot: the configured feeds plus those added with /feeds, polled by one poller
// (a URL shared by several channels is fetched once), with per-feed state kept in the store.
import type Keyv from 'keyv';
import type { FeedHealthView } from '../commands/services.ts';
import type { Config } from '../config/schema.ts';
import type { Article } from '../domain/article.ts';
import { UserError } from '../domain/errors.ts';
import { cleanArticleText } from '../ingest/clean.ts';
import { extractArticle } from '../ingest/extract.ts';
import { loadFeed } from '../ingest/feeds/load-feed.ts';
import { startPollLoop, type PollLoop } from '../ingest/feeds/poll-loop.ts';
import { createFeedPoller, normalizeFeedUrl, type FeedPoller } from '../ingest/feeds/poller.ts';
import type { FeedState, FeedStateStore } from '../ingest/feeds/state-store.ts';
import { toArticle } from '../ingest/feeds/to-article.ts';
import { NewsDigestError } from '../domain/errors.ts';
import { createFetcher, type Fetcher } from '../ingest/fetch/safe-fetch.ts';
import type { Logger } from '../ops/logger.ts';
import type { FeedRepository } from '../store/feed-repository.ts';
import { createFeedFailureLog } from './feed-failure-log.ts';
import { tryWithLease, type LeaseOptions } from './lease.ts';

export function fetcherFor(config: Config): Fetcher {
  return createFetcher({
    policy: { allowPrivate: config.feeds.allowPrivateAddresses, allow: config.feeds.allowAddresses },
  });
}

/** Feed polling state under `feed-state:<url>` in the bot's store. */
export function keyvFeedStateStore(keyv: Keyv): FeedStateStore {
  return {
    get: async (url) => (await keyv.get<FeedState>(`feed-state:${url}`)) ?? undefined,
    set: async (url, state) => {
      await keyv.set(`feed-state:${url}`, state);
    },
  };
}

/** Read a feed once, for one-shot commands: every item, teasers as they are. */
export async function readFeedOnce(url: string, fetcher: Fetcher): Promise<Article[]> {
  const result = await loadFeed(fetcher, { url });
  if (result.kind !== 'ok') return [];
  return result.feed.items.map((item) => toArticle(item, null, cleanArticleText));
}

export interface FeedService {
  start(onArticles: (articles: Article[]) => Promise<void>): Promise<void>;
  /** Re-read the feed list (after /feeds add or remove). */
  refresh(): Promise<void>;
  validate(url: string): Promise<{ title: string; items: number }>;
  health(url: string): Promise<FeedHealthView | undefined>;
  lastSuccess(): Date | null;
  stop(): Promise<void>;
}

export interface FeedServiceDeps {
  readonly config: Config;
  readonly keyv: Keyv;
  readonly repository: FeedRepository;
  readonly logger: Logger;
  readonly fetcher?: Fetcher;
  /** Counts each feed poll that failed (and the first polls that succeeded) for /metrics. */
  readonly onPollResult?: (result: 'ok' | 'failed') => void;
  /** With several instances on one store, only the lease holder polls: each feed once per interval. */
  readonly lease: LeaseOptions;
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const { config, logger } = deps;
  const fetcher = deps.fetcher ?? fetcherFor(config);
  const configured = config.sources.flatMap((s) => (s.type === 'feed' ? [s.url] : []));
  let loop: PollLoop | null = null;
  let lastSuccess: Date | null = null;
  const failures = createFeedFailureLog(logger);
  const shared: FeedPoller = createFeedPoller({
    fetcher,
    store: keyvFeedStateStore(deps.keyv),
    now: Date.now,
    options: { intervalMs: config.feeds.pollIntervalMinutes * 60_000, teaserMinWords: config.feeds.teaserWords },
    extract: extractArticle,
    clean: cleanArticleText,
    onWarning: (message, context) => logger.warn(`${message} ${JSON.stringify(context)}`),
  });
  // Poll state (next poll time, seen items) lives in the shared store, so whoever holds the lease
  // sees what the others polled; an instance without it skips the tick.
  const poller: FeedPoller = {
    ...shared,
    pollDue: async (now) => {
      const polled = (await tryWithLease('feed-poll', deps.lease, () => shared.pollDue(now)))?.value ?? { articles: [], outcomes: [] };
      // Logged here, where each outcome's status is known (a 410 stops a feed; a skipped one is no news).
      for (const outcome of polled.outcomes) failures.record(outcome);
      return polled;
    },
  };

  const states = keyvFeedStateStore(deps.keyv);
  let deliver: (articles: Article[]) => Promise<void> = async () => {};

  // A feed never polled before is read at once rather than at its spread-out slot, so a newly added
  // feed shows up in the next digest instead of up to one interval later.
  const pollNewFeeds = async () => {
    const polled = await tryWithLease('feed-poll', deps.lease, pollNewFeedsNow);
    if (polled === null) logger.info('another instance is polling feeds');
  };
  const pollNewFeedsNow = async () => {
    const fresh: string[] = [];
    for (const url of poller.feeds()) if ((await states.get(url)) === undefined) fresh.push(url);
    const outcomes = await Promise.all(fresh.map((url) => poller.pollFeed(url)));
    for (const outcome of outcomes) {
      failures.record(outcome);
      if (outcome.status === 'ok') lastSuccess = new Date();
      deps.onPollResult?.(outcome.error === null ? 'ok' : 'failed');
    }
    const articles = outcomes.flatMap((o) => o.articles);
    if (articles.length > 0) await deliver(articles);
  };

  const refresh = async () => {
    poller.setFeeds([...configured, ...(await deps.repository.list()).map((f) => f.url)]);
    await pollNewFeeds();
  };

  return {
    async start(onArticles) {
      deliver = onArticles;
      await refresh();
      loop = startPollLoop({
        poller,
        now: Date.now,
        onArticles: async (articles) => {
          lastSuccess = new Date();
          await onArticles(articles);
        },
        onError: (error, context) => {
          deps.onPollResult?.('failed');
          // A feed's own failure was logged with its outcome (pollDue above); one outside any feed (the
          // store, the lease) is the bot's own problem and is logged in full.
          if (context.url === undefined) logger.error('feed polling failed', error);
        },
      });
    },
    refresh,
    async validate(url) {
      try {
        const result = await loadFeed(fetcher, { url });
        if (result.kind !== 'ok') return { title: url, items: 0 };
        return { title: result.feed.title || url, items: result.feed.items.length };
      } catch (error) {
        if (error instanceof NewsDigestError) throw new UserError(error.code, error.message, { url }, { cause: error });
        throw error;
      }
    },
    async health(url) {
      const state = (await poller.states()).find((s) => s.url === normalizeFeedUrl(url));
      if (state === undefined) return undefined;
      return {
        lastSuccess: state.lastSuccessAt,
        lastError: state.lastError === null ? null : state.lastError.message,
        consecutiveFailures: state.consecutiveFailures,
      };
    },
    lastSuccess: () => lastSuccess,
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}
