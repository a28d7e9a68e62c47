// Wiring shared by the long-running bot (main.ts) and the one-shot CLI commands: from a validated
// config to an opened store, a newsroom rebuilt from it, and a summarizer. Every open returns its close.
import type Keyv from 'keyv';
import type { LoadedConfig } from '../config/load-config.ts';
import { createStoryEngine } from '../cluster/engine.ts';
import { createNewsroom, type Newsroom } from '../digest/newsroom.ts';
import { createArticleRepository, type ArticleRepository } from '../store/article-repository.ts';
import type { Locks } from '../store/locks.ts';
import { openKeyv } from '../store/open-keyv.ts';
import { createChannelRepository, type ChannelRepository } from '../store/channel-repository.ts';
import { createFeedRepository, type FeedRepository } from '../store/feed-repository.ts';
import { createOutboxRepository, type OutboxArchive, type OutboxRepository } from '../store/outbox-repository.ts';
import { createPostRepository, type PostArchive, type PostRepository } from '../store/post-repository.ts';
import type { Logger } from '../ops/logger.ts';
import { createExtractiveSummarizer } from '../summarize/extractive.ts';
import { createLlmSummarizer } from '../summarize/llm.ts';
import type { Summarizer, SummaryBudget } from '../summarize/types.ts';

export interface App {
  /** The raw key-value store, for state that has no repository of its own (feed polling state). */
  readonly keyv: Keyv;
  /** Leases shared with other instances using the same store. */
  readonly locks: Locks;
  readonly newsroom: Newsroom;
  /** The stored articles, for the archive pruner; everything else goes through the newsroom. */
  readonly articles: ArticleRepository;
  readonly posts: PostRepository & PostArchive;
  readonly outbox: OutboxRepository & OutboxArchive;
  readonly channels: ChannelRepository;
  readonly feeds: FeedRepository;
  readonly summarizer: Summarizer;
  readonly budget: SummaryBudget;
  /** Where state lives, for logs (no credentials). */
  readonly storeDescription: string;
  close(): Promise<void>;
}

/** The extractive summarizer, or the LLM one (falling back to extractive) when config asks for it. */
function chooseSummarizer(loaded: LoadedConfig, logger?: Logger): Summarizer {
  const extractive = createExtractiveSummarizer();
  const llm = loaded.config.summary.llm;
  if (llm === undefined) return extractive;
  return createLlmSummarizer({
    baseUrl: llm.baseUrl,
    model: llm.model,
    apiKey: loaded.llmApiKey,
    timeoutMs: llm.timeoutMs,
    jsonMode: llm.jsonMode,
    fallback: extractive,
    ...(logger === undefined ? {} : { logger }),
  });
}

export interface OpenAppOptions {
  readonly logger?: Logger;
  /** Overrides the configured store, e.g. 'memory:' for a one-shot digest of given sources. */
  readonly storeUrl?: string;
  readonly now?: () => Date;
  /** The running bot: one per SQLite store (a second is refused); CLI commands beside it are not. */
  readonly exclusive?: boolean;
  /** Restoring the active window on open: a store written by an older version is read whole, once. */
  readonly onReplayProgress?: (done: number, total: number) => void;
}

const DAY_MS = 86_400_000;

export async function openApp(loaded: LoadedConfig, options: OpenAppOptions = {}): Promise<App> {
  const store = await openKeyv(options.storeUrl ?? loaded.config.store.url, loaded.baseDir, { exclusive: options.exclusive === true });
  try {
    const articles = createArticleRepository(store.keyv);
    const newsroom = createNewsroom(articles, {
      createEngine: () => createStoryEngine(),
      now: options.now ?? (() => new Date()),
      activeMs: loaded.config.retention.activeDays * DAY_MS,
    });
    await newsroom.replay(options.onReplayProgress);
    return {
      keyv: store.keyv,
      locks: store.locks,
      newsroom,
      articles,
      posts: createPostRepository(store.keyv),
      outbox: createOutboxRepository(store.keyv),
      channels: createChannelRepository(store.keyv),
      feeds: createFeedRepository(store.keyv),
      summarizer: chooseSummarizer(loaded, options.logger),
      budget: loaded.config.summary,
      storeDescription: store.describe,
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
