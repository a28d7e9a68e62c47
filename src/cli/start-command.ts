// `news-digest start` (also `npm start`): run the bot until Ctrl-C / SIGTERM. This is the composition
// root of the long-running process: logger, metrics, health server, platforms, bot; stopped in reverse.
import { buildPlatforms } from '../app/build-platforms.ts';
import { startBot, type RunningBot } from '../app/run-bot.ts';
import { UserError } from '../domain/errors.ts';
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
on HEALTH_PORT (default 9090); when that port is taken the bot does not start (exit code 1).
LOG_LEVEL=debug adds stack traces and every repeated feed failure to the log.

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
      level: loaded.env.LOG_LEVEL,
      secrets: [...secretsFromEnv({ ...loaded.env, STORE_URL: loaded.config.store.url }), loaded.llmApiKey].filter((v) => v !== ''),
    });
    // A platform SDK that fails in the background (a retry loop after a lost connection) must neither
    // crash the bot nor print a token: log it through the scrubbing logger and keep serving the rest.
    const onUnhandled = (error: unknown) => logger.error('unhandled failure in the background', error);
    process.on('unhandledRejection', onUnhandled);
    const metrics = createMetrics();
    // The health endpoint is bound before the bot starts: a port already taken (a second bot on the same
    // HEALTH_PORT) stops the start with one clear line, before anything is polled or posted, instead of a
    // bot that runs without the endpoint its orchestrator probes.
    let bot: RunningBot | null = null;
    const status = () => {
      if (bot === null) throw new Error('the bot is still starting');
      return bot.health();
    };
    let health: RunningHealthServer;
    try {
      health = await startHealthServer({
        port: loaded.env.HEALTH_PORT,
        host: loaded.env.HEALTH_HOST,
        metrics,
        maxPollAgeMs: STALE_POLL_INTERVALS * loaded.config.feeds.pollIntervalMinutes * 60_000,
        checks: { store: () => status().store(), chat: () => status().chat, lastPollAt: () => (bot === null ? null : status().lastPollAt) },
      });
    } catch (error) {
      process.off('unhandledRejection', onUnhandled);
      throw healthServerError(error, loaded.env.HEALTH_HOST, loaded.env.HEALTH_PORT);
    }
    try {
      bot = await startBot({ loaded, logger, metrics, platforms: buildPlatforms(loaded, logger), out: context.io.stdout, cwd: context.io.cwd });
    } catch (error) {
      await health.stop();
      process.off('unhandledRejection', onUnhandled);
      throw error;
    }
    logger.info(`health and metrics on http://${loaded.env.HEALTH_HOST}:${health.port}/healthz and /metrics`);
    logger.info('running; press Ctrl-C to stop');
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.info(`${signal}: stopping`);
    await health.stop();
    await bot.stop();
    logger.info('stopped');
    process.off('unhandledRejection', onUnhandled);
    return 0;
  },
};

/** A port in use or not ours to bind, said in plain words with what to change. */
function healthServerError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const fix = 'set HEALTH_PORT to a free port (0 picks any free one)';
  if (code === 'EADDRINUSE') {
    return new UserError('HEALTH_PORT_IN_USE', `HEALTH_PORT ${port} is already in use on ${host} (is another news-digest running?): ${fix}`, { host, port });
  }
  if (code === 'EACCES') return new UserError('HEALTH_PORT_DENIED', `not allowed to listen on HEALTH_PORT ${port} at ${host}: ${fix}`, { host, port });
  if (code === 'EADDRNOTAVAIL') {
    return new UserError('HEALTH_HOST_UNAVAILABLE', `HEALTH_HOST ${host} is not an address of this machine: use 127.0.0.1 or 0.0.0.0`, { host, port });
  }
  return error instanceof Error ? error : new Error(String(error));
}
