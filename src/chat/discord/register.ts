// Slash command registration. PUT replaces the whole list, so registering twice is harmless and a
// command removed from DISCORD_COMMANDS disappears from Discord. Guild commands show up at once
// (good for trying the bot in one server); global ones reach every server the bot is in.
import { REST, Routes, type RESTOptions } from 'discord.js';
import { toDiscordError } from './errors.ts';
import { DISCORD_COMMANDS } from './commands.ts';

export interface RegisterOptions {
  readonly token: string;
  readonly appId: string;
  readonly apiUrl: string;
  /** Register in this server only; without it the commands are registered globally. */
  readonly guildId?: string | undefined;
  /** Extra REST settings (tests lower retries and timeouts). */
  readonly rest?: Partial<RESTOptions>;
}

export interface RegisterResult {
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

export async function registerDiscordCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ ...options.rest, api: options.apiUrl }).setToken(options.token);
  const route = options.guildId === undefined
    ? Routes.applicationCommands(options.appId)
    : Routes.applicationGuildCommands(options.appId, options.guildId);
  try {
    const registered = (await rest.put(route, { body: DISCORD_COMMANDS })) as readonly { name: string }[];
    return { scope: options.guildId === undefined ? 'global' : 'guild', names: registered.map((c) => c.name) };
  } catch (error) {
    throw toDiscordError(error, options.guildId ?? 'global', 'registering slash commands');
  } finally {
    // Let the process exit promptly: the REST client keeps sweep timers otherwise.
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
