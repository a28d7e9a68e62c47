// Chat platforms from the environment: Slack when its bot token is set, Discord when its token is set.
// Without tokens the bot runs with the console only. The command handler is bound at start(), so the
// sinks exist before the commands do (the bot posts digests before it answers commands).
import { createDiscordApp } from '../chat/discord/index.ts';
import { createSlackApp } from '../chat/slack/index.ts';
import type { CommandHandler } from '../commands/types.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { Logger } from '../ops/logger.ts';
import type { PlatformAdapter } from './platform.ts';

/** A handler that forwards to the one set later, and apologises if a command arrives before that. */
function lateHandler(): { handler: CommandHandler; bind(real: CommandHandler): void } {
  let current: CommandHandler | null = null;
  return {
    handler: {
      handle: async (request) =>
        current === null ? { visibility: 'ephemeral', text: 'The bot is still starting; try again in a moment.' } : current.handle(request),
    },
    bind: (real) => {
      current = real;
    },
  };
}

export function buildPlatforms(loaded: LoadedConfig, logger: Logger): PlatformAdapter[] {
  const { env, config } = loaded;
  const platforms: PlatformAdapter[] = [];
  if (env.SLACK_BOT_TOKEN !== undefined) {
    const late = lateHandler();
    const slack = createSlackApp({
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      port: env.PORT,
      handler: late.handler,
      adminUserIds: config.admins.slack,
      logger,
    });
    let connected = false;
    platforms.push({
      platform: 'slack',
      sink: slack.sink,
      async start(handler) {
        late.bind(handler);
        await slack.start();
        connected = true;
      },
      async stop() {
        connected = false;
        await slack.stop();
      },
      connected: () => connected,
    });
  }
  if (env.DISCORD_TOKEN !== undefined) {
    const late = lateHandler();
    const discord = createDiscordApp({
      token: env.DISCORD_TOKEN,
      appId: env.DISCORD_APP_ID ?? '',
      apiUrl: env.DISCORD_API_URL,
      handler: late.handler,
      adminUserIds: config.admins.discord,
      logger,
    });
    platforms.push({
      platform: 'discord',
      sink: discord.sink,
      async start(handler) {
        late.bind(handler);
        await discord.start();
      },
      stop: () => discord.stop(),
      connected: () => discord.connected(),
    });
  }
  return platforms;
}
