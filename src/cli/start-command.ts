// `news-digest start` (also `npm start`): run the bot until Ctrl-C / SIGTERM.
import { startBot } from '../app/run-bot.ts';
import { createStreamLogger } from '../ops/logger.ts';
import type { CliCommand } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'run the bot: post a digest now, then on each channel\'s schedule (Ctrl-C stops)',
  help: `Usage: news-digest start [--config FILE]

Ingests the configured sources, posts the stories each channel has not seen yet, then keeps running
and posts again on each channel's cron schedule. With no Slack or Discord tokens the digest goes to
this terminal. Stories already posted are not posted again after a restart. Ctrl-C or SIGTERM stops
it cleanly.

Options:
${CONFIG_HELP}
`,
  options: { ...CONFIG_FLAG },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const loaded = loadFromContext(context);
    const logger = createStreamLogger(context.io.stderr, context.io.env.DEBUG !== undefined);
    const bot = await startBot({ loaded, logger, out: context.io.stdout, cwd: context.io.cwd });
    logger.info('running; press Ctrl-C to stop');
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.info(`${signal}: stopping`);
    await bot.stop();
    logger.info('stopped');
    return 0;
  },
};
