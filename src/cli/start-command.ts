// `news-digest start` (also `npm start`): run the bot until Ctrl-C / SIGTERM. This is the composition
// root of the long-running process: logger, metrics, health server, platforms, bot; stopped in reverse.
import { buildPlatforms } from '../app/build-platforms.ts';
import { startBot } from '../app/run-bot.ts';
import { startHealthServer, type RunningHealthServer } from '../ops/health-server.ts';
import { createMetrics } from '../ops/metrics.ts';
import { createPinoLogger } from '../ops/pino-logger.ts';
import { secretsFromEnv } from '../ops/scrub-secrets.ts';
import type { CliCommand } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

/** /healthz fails when no poll has completed for this many poll intervals. */
const STALE_POLL_INTERVALS = 3;

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'run the bot: post a digest now, then on each channel\'s schedule (Ctrl-C stops)',
  help: `Usage: news-digest start [--config FILE]

Ingests the configured sources, posts the stories each channel has not seen yet, then keeps running
and posts again on each channel's cron schedule. With no Slack or Discord tokens the digest goes to
this terminal. Stories already posted are not posted again after a restart. Ctrl-C or SIGTERM stops
it cleanly. Logs go to stderr (JSON, or readable lines on a terminal); /healthz and /metrics are served
on HEALTH_PORT (default 9090).

Options:
${CONFIG_HELP}
`,
  options: { ...CONFIG_FLAG },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const loaded = loadFromContext(context);
    const logger = createPinoLogger({
      pretty: context.io.stderr.isTTY === true,
      destination: context.io.stderr,
      secrets: [...secretsFromEnv({ ...loaded.env, STORE_URL: loaded.config.store.url }), loaded.llmApiKey].filter((v) => v !== ''),
    });
    // A platform SDK that fails in the background (a retry loop after a lost connection) must neither
    // crash the bot nor print a token: log it through the scrubbing logger and keep serving the rest.
    const onUnhandled = (error: unknown) => logger.error('unhandled failure in the background', error);
    process.on('unhandledRejection', onUnhandled);
    const metrics = createMetrics();
    const platforms = buildPlatforms(loaded, logger);
    const bot = await startBot({ loaded, logger, metrics, platforms, out: context.io.stdout, cwd: context.io.cwd });
    let health: RunningHealthServer | null = null;
    try {
      const status = () => bot.health();
      health = await startHealthServer({
        port: loaded.env.HEALTH_PORT,
        host: loaded.env.HEALTH_HOST,
        metrics,
        maxPollAgeMs: STALE_POLL_INTERVALS * loaded.config.feeds.pollIntervalMinutes * 60_000,
        checks: { store: () => status().store(), chat: () => status().chat, lastPollAt: () => status().lastPollAt },
      });
      logger.info(`health and metrics on http://${loaded.env.HEALTH_HOST}:${health.port}/healthz and /metrics`);
    } catch (error) {
      // A busy port must not keep the bot from posting digests.
      logger.error(`health server not started on port ${loaded.env.HEALTH_PORT}`, error);
    }
    logger.info('running; press Ctrl-C to stop');
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.info(`${signal}: stopping`);
    await health?.stop();
    await bot.stop();
    logger.info('stopped');
    process.off('unhandledRejection', onUnhandled);
    return 0;
  },
};
