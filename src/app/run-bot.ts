// The long-running bot: read sources, post what is new, then keep doing it on each channel's schedule
// and answer slash commands. One bad source or channel is logged and never stops the others.
import { startArchiveSchedule } from './archive-schedule.ts';
import { createConsoleSink } from '../chat/console/console-sink.ts';
import { DISCORD_GLOBAL_LIMIT, pacedSink, SLACK_PACE } from '../chat/paced-sink.ts';
import { buildDigestStory } from '../digest/build-digest.ts';
import type { ChatSink } from '../chat/sink.ts';
import { createCommandHandler } from '../commands/create-handler.ts';
import type { CommandServices } from '../commands/services.ts';
import type { CommandHandler } from '../commands/types.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { Article } from '../domain/article.ts';
import { feedId, type FeedRecord, type FeedRepository } from '../store/feed-repository.ts';
import { storeReachable } from '../ops/health-server.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import { resolveChannels, type EffectiveChannel } from './channels.ts';
import { createCommandServices } from './command-services.ts';
import { deliverToChannel } from './deliver-channel.ts';
import { createFeedService, type FeedService } from './feed-service.ts';
import { leaseOwner, withLease } from './lease.ts';
import { createPresenter, presentAhead } from './presenter.ts';
import { createDigestScheduler } from './digest-scheduler.ts';
import { openApp } from './open-app.ts';
import type { PlatformAdapter } from './platform.ts';
import { readSources } from './read-sources.ts';

/** How long stop() waits for deliveries in progress (the outbox makes an interrupted one safe to redo). */
const STOP_DRAIN_MS = 30_000;

export interface BotDeps {
  readonly loaded: LoadedConfig;
  readonly logger: Logger;
  /** Where the console channel prints. */
  readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  /** Slack / Discord adapters built from the environment; none means console only. */
  readonly platforms?: readonly PlatformAdapter[];
  readonly validateFeed?: CommandServices['validateFeed'];
  readonly metrics?: Metrics;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface RunningBot {
  /** For /healthz. */
  health(): { lastPollAt: Date | null; chat: { platform: string; connected: boolean }[]; store: () => Promise<boolean> };
  /** Post one channel's digest now (what /digest does). */
  postNow(channelId: string): Promise<number>;
  readonly commands: CommandHandler;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const { logger, loaded } = deps;
  let lastTenth = -1;
  const app = await openApp(loaded, {
    now,
    logger,
    exclusive: true,
    // Only a store written by an older version takes long to open (it is read whole, once): say how far.
    onReplayProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (total >= 10_000 && tenth !== lastTenth) logger.info(`reading the store: ${done}/${total} articles`);
      lastTenth = tenth;
    },
  });
  logger.info(`store: ${app.storeDescription}; ${app.newsroom.storyCount()} stories known`);
  const sinks = new Map<string, ChatSink>([['console', createConsoleSink({ out: deps.out, cwd: deps.cwd })]]);
  for (const platform of deps.platforms ?? []) {
    const pace = platform.platform === 'slack' ? SLACK_PACE : { global: DISCORD_GLOBAL_LIMIT };
    sinks.set(platform.platform, pacedSink(platform.sink, pace));
  }
  let queue: Promise<unknown> = Promise.resolve();

  // Runs are chained so a scheduled digest, a command and the start-up digest never interleave.
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const metrics = deps.metrics;
  let lastPollAt: Date | null = null;
  const lease = { locks: app.locks, owner: leaseOwner() };
  const present = createPresenter((material) => buildDigestStory(material, app));
  // Stories an intake changed are summarized right after it (presentAhead), as many as the largest digest
  // takes; set once the channels are known. Not with an LLM summarizer: each version summarized ahead
  // would be a paid call, also for versions that change again before any digest posts them.
  let summarizeAhead = 0;
  const summarizeChanged = (added: readonly Article[]) => {
    if (summarizeAhead === 0 || added.length === 0) return;
    const ids = new Set(added.map((a) => app.newsroom.assignment(a.id)?.storyId));
    const changed = [...ids].flatMap((id) => (id === undefined ? [] : (app.newsroom.material(id) ?? [])));
    presentAhead(present, changed, summarizeAhead, now()).catch((error: unknown) => logger.error('summarizing new stories ahead failed', error));
  };
  // One writer at a time across instances: catch up with what the others stored, then add.
  const counted = async (articles: Article[]) => {
    const locked = await withLease('ingest', lease, async () => {
      await app.newsroom.refresh();
      return app.newsroom.intake(articles);
    });
    if (locked === null) throw new Error('ingest lease not acquired');
    const result = locked.value;
    metrics?.articlesIngested.inc(result.added.length);
    metrics?.storiesCreated.inc(result.newStories);
    metrics?.storiesKnown.set(app.newsroom.storyCount());
    summarizeChanged(result.added);
    return result;
  };

  const poll = async () => {
    const end = metrics?.pollDuration.startTimer();
    try {
      const batch = await readSources(loaded.config.sources.filter((s) => s.type === 'files'), loaded);
      for (const problem of batch.problems) logger.warn(`source skipped: ${problem.source}: ${problem.reason}`);
      const result = await counted(batch.articles);
      if (result.added.length > 0) {
        logger.info(`ingested ${result.added.length} new articles (${result.rewrites} rewrites, ${result.newStories} new stories)`);
      }
      lastPollAt = now();
      metrics?.lastPollSuccess.setToCurrentTime();
    } catch (error) {
      logger.error('reading sources failed', error);
    } finally {
      end?.();
    }
  };

  const post = async (channel: EffectiveChannel): Promise<number> => {
    const sink = sinks.get(channel.platform);
    if (sink === undefined) return 0;
    const end = metrics?.digestDuration.startTimer({ platform: channel.platform });
    try {
      await app.newsroom.refresh();
      const result = await deliverToChannel(channel, sink, app.newsroom.materials(), {
        ...app,
        present,
        now,
        logger,
        retry: {
          sleep,
          random: Math.random,
          onRetry: (attempt, delay) => {
            metrics?.deliveryRetries.inc({ platform: channel.platform });
            logger.warn(`channel ${channel.id}: retry ${attempt} in ${delay} ms`);
          },
        },
      });
      if (result.posted > 0) {
        logger.info(`channel ${channel.id}: posted ${result.posted} stories`);
        metrics?.digestsPosted.inc({ platform: channel.platform });
        metrics?.messagesPosted.inc({ platform: channel.platform }, result.posted);
      }
      return result.posted;
    } catch (error) {
      logger.error(`channel ${channel.id}: delivery failed`, error);
      return 0;
    } finally {
      end?.();
    }
  };

  // Polls are serialized (one intake at a time); deliveries run per channel in parallel, each channel's
  // own posts in order, so 1,000 channels on one schedule are served side by side.
  const channelRuns = new Map<string, Promise<unknown>>();
  // Channels on the same schedule fire together: they share one poll instead of queueing 1,000.
  let polling: Promise<void> | null = null;
  const sharedPoll = () => {
    polling ??= exclusive(poll).finally(() => {
      polling = null;
    });
    return polling;
  };
  const runDigest = async (channel: EffectiveChannel): Promise<number> => {
    await sharedPoll();
    const previous = channelRuns.get(channel.id) ?? Promise.resolve();
    const run = previous.then(() => post(channel), () => post(channel));
    channelRuns.set(channel.id, run);
    try {
      return await run;
    } finally {
      if (channelRuns.get(channel.id) === run) channelRuns.delete(channel.id);
    }
  };

  const feeds = createFeedService({
    lease,
    config: loaded.config,
    keyv: app.keyv,
    repository: app.feeds,
    logger,
    onPollResult: (result) => metrics?.feedsPolled.inc({ result }),
  });
  const intakeFeedArticles = (articles: Article[]) =>
    exclusive(async () => {
      const result = await counted(articles);
      lastPollAt = now();
      metrics?.lastPollSuccess.setToCurrentTime();
      if (result.added.length > 0) logger.info(`feeds: ${result.added.length} new articles`);
    });

  const scheduler = createDigestScheduler({
    channels: app.channels,
    runDigest: async (c) => void (await runDigest(c)),
    logger,
    now,
    lease,
  });
  const channels = (await resolveChannels(loaded.config, app.channels)).filter((channel) => {
    if (sinks.has(channel.platform)) return true;
    logger.warn(`channel ${channel.id}: no ${channel.platform} connection (token not set); skipped`);
    return false;
  });
  if (loaded.config.summary.llm === undefined) summarizeAhead = Math.max(0, ...channels.map((c) => c.size));

  const archive = startArchiveSchedule({
    articles: app.articles,
    posts: app.posts,
    outbox: app.outbox,
    channelIds: async () => (await resolveChannels(loaded.config, app.channels)).map((c) => c.id),
    keepMs: loaded.config.retention.keepDays * DAY_MS,
    clock: () => app.newsroom.clock(),
    isActive: (storyId) => app.newsroom.isActive(storyId),
    lease,
    logger,
  });

  await feeds.start(intakeFeedArticles);
  // The console shows the digest at once (a newcomer's first run); chat channels keep to their
  // schedule and only catch up a slot they missed while the bot was down.
  await exclusive(async () => {
    await poll();
    for (const channel of channels.filter((c) => c.platform === 'console')) await post(channel);
  });
  await scheduler.catchUp(channels.filter((c) => c.platform !== 'console'));
  void archive.runOnce();
  scheduler.schedule(channels);
  for (const { name, at } of scheduler.nextRuns()) {
    logger.info(`next digest for ${name}: ${at === null ? 'never' : at.toISOString()}`);
  }

  const services = createCommandServices({
    app: { ...app, feeds: refreshingFeeds(app.feeds, feeds, configuredFeeds(loaded.config)) },
    config: loaded.config,
    now,
    postNow: runDigest,
    present,
    settingsChanged: async (channel) => scheduler.reschedule(channel),
    validateFeed: deps.validateFeed ?? feeds.validate,
    feedHealth: feeds.health,
  });
  const handler = createCommandHandler(services, logger);
  // Commands may land on any instance: first take in what the others stored.
  const commands: CommandHandler = {
    handle: async (request) => {
      await app.newsroom.refresh().catch((error: unknown) => logger.error('refresh before command failed', error));
      return handler.handle(request);
    },
  };
  // Platforms connect in the background: a slow or unreachable Slack or Discord must not hold up the
  // digests of the other channels; its failure is logged (and /healthz reports it as not connected).
  for (const platform of deps.platforms ?? []) {
    void platform.start(commands).then(
      () => logger.info(`${platform.platform}: connected`),
      (error: unknown) => logger.error(`${platform.platform}: could not start`, error),
    );
  }

  return {
    health: () => ({
      lastPollAt,
      chat: (deps.platforms ?? []).map((p) => ({ platform: p.platform, connected: p.connected() })),
      store: storeReachable(app.keyv),
    }),
    commands,
    postNow: async (channelId) => {
      const channel = (await resolveChannels(loaded.config, app.channels)).find((c) => c.id === channelId);
      return channel === undefined ? 0 : runDigest(channel);
    },
    async stop() {
      await scheduler.stop();
      await feeds.stop();
      await archive.stop();
      for (const platform of deps.platforms ?? []) await platform.stop().catch((e: unknown) => logger.error(`${platform.platform}: stop failed`, e));
      // Let running deliveries finish, but not forever: a hung platform must not keep the process up.
      const drained = Promise.allSettled([queue, ...channelRuns.values()]);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_DRAIN_MS).unref());
      if ((await Promise.race([drained, timeout])) === 'timeout') logger.warn(`stopped with deliveries still running after ${STOP_DRAIN_MS} ms`);
      await app.close();
    },
  };
}

/** Feeds from the config file, shown by /feeds list beside those added from chat. */
function configuredFeeds(config: LoadedConfig['config']): FeedRecord[] {
  return config.sources.flatMap((s) =>
    s.type === 'feed' ? [{ id: feedId(s.url), url: s.url, title: s.name ?? s.url, addedBy: 'config file', addedAt: '' }] : [],
  );
}

/** Feeds added or removed from chat reach the poller at once; configured feeds are listed too. */
function refreshingFeeds(repository: FeedRepository, feeds: FeedService, configured: readonly FeedRecord[]): FeedRepository {
  return {
    list: async () => {
      const stored = await repository.list();
      return [...configured.filter((c) => !stored.some((s) => s.url === c.url)), ...stored];
    },
    async add(...args) {
      const record = await repository.add(...args);
      await feeds.refresh();
      return record;
    },
    async remove(idOrUrl) {
      const removed = await repository.remove(idOrUrl);
      await feeds.refresh();
      return removed;
    },
  };
}
