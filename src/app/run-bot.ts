// The long-running bot: read sources, post what is new to every channel, then keep doing it on each
// channel's schedule. One bad source or channel is logged and never stops the others.
import { createConsoleSink } from '../chat/console/console-sink.ts';
import type { ChatSink } from '../chat/sink.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { ChannelConfig } from '../config/schema.ts';
import type { Logger } from '../ops/logger.ts';
import { startSchedule, type RunningSchedule } from '../schedule/channel-schedule.ts';
import { deliverToChannel } from './deliver-channel.ts';
import { openApp, type App } from './open-app.ts';
import { readSources } from './read-sources.ts';

export interface BotDeps {
  readonly loaded: LoadedConfig;
  readonly logger: Logger;
  /** Where the console channel prints. */
  readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  readonly now?: () => Date;
}

export interface RunningBot {
  stop(): Promise<void>;
}

export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const now = deps.now ?? (() => new Date());
  const { logger, loaded } = deps;
  const app = await openApp(loaded, { now });
  logger.info(`store: ${app.storeDescription}; ${app.newsroom.engine.stories().length} stories known`);
  const sinks = buildSinks(loaded.config.channels, deps);
  let inFlight: Promise<void> = Promise.resolve();

  // Runs are chained so a scheduled digest and a start-up digest never interleave their writes.
  const runExclusive = (work: () => Promise<void>) => {
    inFlight = inFlight.then(work, work);
    return inFlight;
  };

  const poll = async () => {
    try {
      const batch = await readSources(loaded.config.sources, loaded);
      for (const problem of batch.problems) logger.warn(`source skipped: ${problem.source}: ${problem.reason}`);
      const result = await app.newsroom.intake(batch.articles);
      if (result.added.length > 0) {
        logger.info(`ingested ${result.added.length} new articles (${result.rewrites} rewrites, ${result.newStories} new stories)`);
      }
    } catch (error) {
      logger.error('reading sources failed', error);
    }
  };

  const post = async (channel: ChannelConfig) => {
    const sink = sinks.get(channel.id);
    if (sink === undefined) return;
    try {
      const result = await deliverToChannel(channel, sink, app.newsroom.materials(), { ...app, now });
      if (result.posted > 0) logger.info(`channel ${channel.id}: posted ${result.posted} stories`);
    } catch (error) {
      logger.error(`channel ${channel.id}: delivery failed`, error);
    }
  };

  await runExclusive(async () => {
    await poll();
    for (const channel of loaded.config.channels) await post(channel);
  });

  const schedule: RunningSchedule = startSchedule(
    loaded.config.channels
      .filter((c) => sinks.has(c.id))
      .map((channel) => ({
        name: channel.id,
        cron: channel.schedule.cron,
        timezone: channel.schedule.timezone,
        run: () => runExclusive(async () => {
          await poll();
          await post(channel);
        }),
      })),
  );
  for (const { name, at } of schedule.nextRuns()) {
    logger.info(`next digest for ${name}: ${at === null ? 'never' : at.toISOString()}`);
  }

  return {
    async stop() {
      await schedule.stop();
      await inFlight;
      for (const sink of new Set(sinks.values())) await sink.stop?.();
      await closeApp(app);
    },
  };
}

function buildSinks(channels: readonly ChannelConfig[], deps: BotDeps): Map<string, ChatSink> {
  const sinks = new Map<string, ChatSink>();
  const consoleSink = createConsoleSink({ out: deps.out, cwd: deps.cwd });
  for (const channel of channels) {
    if (channel.platform === 'console') sinks.set(channel.id, consoleSink);
    else deps.logger.warn(`channel ${channel.id}: ${channel.platform} is not supported by this version yet; skipped`);
  }
  return sinks;
}

async function closeApp(app: App): Promise<void> {
  await app.close();
}
