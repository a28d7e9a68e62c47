// The Discord side of the bot: a gateway client that answers slash commands, and the sink that posts
// digests. Only the Guilds intent is asked for: slash commands arrive as interactions, which need no
// privileged intents, and the bot never reads messages.
import { Client, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { CommandHandler } from '../../commands/types.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ChatSink } from '../sink.ts';
import { handleChatCommand } from './interactions.ts';
import { createDiscordSink } from './sink.ts';

export interface DiscordAppOptions {
  /** Bot token (DISCORD_TOKEN); passed in as a value, never read from the environment here. */
  readonly token: string;
  /** Application id (DISCORD_APP_ID); used by `register`, kept here so main passes one object. */
  readonly appId: string;
  /** REST base (DISCORD_API_URL), e.g. https://discord.com/api; the gateway URL comes from GET /gateway/bot. */
  readonly apiUrl: string;
  readonly handler: CommandHandler;
  readonly adminUserIds: readonly string[];
  readonly logger: Logger;
  /** How long start() waits for the gateway's READY before giving up. */
  readonly readyTimeoutMs?: number;
  /** How long stop() lets in-flight commands finish before closing anyway. */
  readonly stopTimeoutMs?: number;
  /** Extra REST settings (tests lower retries and timeouts). */
  readonly rest?: Partial<RESTOptions>;
}

export interface DiscordApp {
  start(): Promise<void>;
  /** Waits (at most stopTimeoutMs) for commands being answered, then closes the gateway connection. */
  stop(): Promise<void>;
  /** For /healthz: the gateway session is up. */
  connected(): boolean;
  readonly client: Client;
  readonly sink: ChatSink;
}

export const DISCORD_APP_DEFAULTS = { readyTimeoutMs: 60_000, stopTimeoutMs: 10_000 } as const satisfies Partial<DiscordAppOptions>;

export function createDiscordApp(options: DiscordAppOptions): DiscordApp {
  const { logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { ...options.rest, api: options.apiUrl } });
  // The sink can post before login: REST needs only the token, not the gateway.
  client.rest.setToken(options.token);
  const sink = createDiscordSink({ rest: client.rest, logger });
  const inFlight = new Set<Promise<void>>();

  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const work = handleChatCommand(interaction, {
      handler: options.handler,
      adminUserIds: options.adminUserIds,
      logger,
    }).catch((error: unknown) => {
      logger.error(`discord: could not answer /${interaction.commandName} (${interaction.id})`, error);
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  client.on(Events.Error, (error) => logger.error('discord: client error', error));
  client.on(Events.Warn, (message) => logger.warn(`discord: ${message}`));
  // discord.js reconnects and resumes on its own; the log says when the bot was briefly deaf.
  client.on(Events.ShardDisconnect, (event) => logger.warn(`discord: gateway closed (${event.code}); reconnecting`));
  client.on(Events.ShardResume, () => logger.info('discord: gateway session resumed'));
  client.rest.on('rateLimited', (info) => {
    logger.warn(`discord: rate limited on ${info.method.toUpperCase()} ${info.route}, retrying in ${info.retryAfter} ms`);
  });

  return {
    client,
    sink,
    async start() {
      const timeoutMs = options.readyTimeoutMs ?? DISCORD_APP_DEFAULTS.readyTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        client.once(Events.ClientReady, () => resolve());
        timer = setTimeout(() => reject(new Error(`no READY from the Discord gateway within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        // Both awaited together so a READY timeout during a slow login is never an unhandled rejection.
        await Promise.all([client.login(options.token), ready]);
      } catch (error) {
        await client.destroy();
        throw error;
      } finally {
        clearTimeout(timer);
      }
      logger.info(`discord: connected as ${client.user?.tag ?? 'unknown'} to ${client.guilds.cache.size} server(s)`);
    },
    async stop() {
      // Let commands that are being answered finish before the connection goes away, within a bound
      // so one stuck handler cannot hold up shutdown.
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.stopTimeoutMs ?? DISCORD_APP_DEFAULTS.stopTimeoutMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), bound]);
      clearTimeout(timer);
      await client.destroy();
    },
    connected: () => client.isReady(),
  };
}
