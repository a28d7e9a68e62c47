// `news-digest discord register [--guild ID]`: tell Discord about the bot's slash commands.
import { registerDiscordCommands, type RegisterOptions, type RegisterResult } from '../chat/discord/index.ts';
import { UserError } from '../domain/errors.ts';
import { stringFlag, UsageError, type CliCommand, type CommandContext } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export interface DiscordSettings {
  readonly token: string | undefined;
  readonly appId: string | undefined;
  readonly apiUrl: string;
}

export interface DiscordCommandDeps {
  /** Where the token, app id and API URL come from; the environment via loadConfig by default. */
  readonly load: (context: CommandContext) => DiscordSettings;
  readonly register: (options: RegisterOptions) => Promise<RegisterResult>;
}

const SNOWFLAKE = /^\d{5,25}$/;

function loadDiscordSettings(context: CommandContext): DiscordSettings {
  const { env } = loadFromContext(context);
  return { token: env.DISCORD_TOKEN, appId: env.DISCORD_APP_ID, apiUrl: env.DISCORD_API_URL };
}

export function createDiscordCommand(deps: Partial<DiscordCommandDeps> = {}): CliCommand {
  const load = deps.load ?? loadDiscordSettings;
  const register = deps.register ?? registerDiscordCommands;
  return {
    name: 'discord',
    summary: 'register the slash commands with Discord (discord register [--guild ID])',
    help: `Usage: news-digest discord register [--guild ID]

Registers /story, /digest, /feeds and /digest-settings for the bot. With --guild the commands are
registered in that server only and appear at once; without it they are registered globally for every
server the bot is in. Registering again replaces the list.

Reads DISCORD_TOKEN and DISCORD_APP_ID (and DISCORD_API_URL, default https://discord.com/api).

Options:
  -g, --guild ID      register in this server only (its numeric id)
${CONFIG_HELP}

Example: DISCORD_TOKEN=... DISCORD_APP_ID=123456789012345678 news-digest discord register --guild 987654321098765432
`,
    options: { ...CONFIG_FLAG, guild: { type: 'string', short: 'g' } },
    positionals: { min: 1, max: 1 },
    async run(context) {
      const action = context.positionals[0];
      if (action !== 'register') throw new UsageError(`unknown action '${action ?? ''}' (expected: register)`);
      const guildId = stringFlag(context.values, 'guild');
      if (guildId !== undefined && !SNOWFLAKE.test(guildId)) {
        throw new UsageError(`--guild must be a numeric server id (got "${guildId}")`);
      }
      const settings = load(context);
      if (settings.token === undefined) {
        throw new UserError('DISCORD_TOKEN_MISSING', 'DISCORD_TOKEN is not set (the bot token from the Discord developer portal)');
      }
      if (settings.appId === undefined) {
        throw new UserError('DISCORD_APP_ID_MISSING', 'DISCORD_APP_ID is not set (the application id from the Discord developer portal)');
      }
      const result = await register({ token: settings.token, appId: settings.appId, apiUrl: settings.apiUrl, guildId });
      const where = result.scope === 'guild' ? `in server ${guildId ?? ''}` : 'globally';
      context.io.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
      return 0;
    },
  };
}

export const discordCommand: CliCommand = createDiscordCommand();
