// The Slack app: bolt in HTTP mode (POST /slack/events) or Socket Mode (when an app token is given), the
// slash commands, and the sink that posts digests. Commands and their replies go through bolt's Web API
// client, digests through the poster (poster.ts); both on one HTTP path (slack-http.ts) and one rule for
// sending again: never after a request left without an answer.
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { CommandHandler } from '../../commands/types.ts';
import { UserError } from '../../domain/errors.ts';
import type { Logger } from '../../ops/logger.ts';
import { createAdminCheck } from './admin-check.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { registerSlackCommands } from './commands.ts';
import { createSlackPoster } from './poster.ts';
import { createSlackSink, type SlackSink } from './sink.ts';
import { createSlackHttp, sentWithoutAnswer } from './slack-http.ts';
import { guardTimestamps } from './timestamp-guard.ts';

export interface SlackAppOptions {
  readonly botToken: string;
  /** Required in HTTP mode; unused in Socket Mode (Slack authenticates the WebSocket instead). */
  readonly signingSecret?: string | undefined;
  /** App-level token (xapp-...): when set, Socket Mode instead of HTTP mode. */
  readonly appToken?: string | undefined;
  /** Web API base URL with a trailing slash, e.g. https://slack.com/api/ (SLACK_API_URL). */
  readonly apiUrl: string;
  /** HTTP mode only: where POST /slack/events listens; 0 picks a free port. */
  readonly port: number;
  readonly host?: string | undefined;
  readonly handler: CommandHandler;
  /** Slack user ids treated as admins besides workspace admins and owners. */
  readonly adminUserIds: readonly string[];
  readonly logger: Logger;
  /** Overrides of SLACK_APP_DEFAULTS (tests shorten retries; operators rarely need to). */
  readonly retryConfig?: webApi.RetryOptions;
  /** Extra certificate authority for the API's TLS (tests against a stand-in with its own certificate). */
  readonly tlsCa?: string;
  readonly adminCacheMs?: number;
  /** Milliseconds since the epoch; injected so the timestamp window is testable. */
  readonly now?: () => number;
}

export const SLACK_APP_DEFAULTS = {
  endpoint: '/slack/events',
  /** Slack: refuse requests more than five minutes from local time. */
  timestampToleranceSeconds: 5 * 60,
  adminCacheMs: 5 * 60_000,
  /**
   * Bolt's client (commands, users.info): each 429 is waited out for its Retry-After and then counts as one
   * retry; 5xx and errors before the request left are retried with backoff, a request that left without
   * an answer is not (see withSendOnce). Digest posts do not use it (the outbox retries those). Five retries (about a minute in the worst case) ride out a burst or a blip; past
   * that the error goes to the outbox, which retries the delivery later instead of blocking a worker for the
   * SDK's default of ten retries over thirty minutes.
   */
  retryConfig: { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 20_000, randomize: true },
  /**
   * Per Web API request, from the request being written to its answer (the HTTP path's timeout, not the
   * SDK's: an SDK abort cannot tell whether the request had left).
   */
  requestTimeoutMs: 30_000,
} as const;

/**
 * The SDK's retry policy with the rule digests follow too: a request that was written and got no answer is
 * not sent again (chat.postMessage, a say() included, has no idempotency key). The SDK hands its retry
 * options to p-retry, whose onFailedAttempt stops the retries by throwing.
 */
export function withSendOnce(config: webApi.RetryOptions): webApi.RetryOptions {
  const policy = {
    ...config,
    onFailedAttempt: (error: unknown) => {
      if (sentWithoutAnswer(error)) throw error;
    },
  };
  return policy;
}

export interface SlackApp {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly client: webApi.WebClient;
  readonly sink: SlackSink;
  /** The bound HTTP port once started in HTTP mode (useful with port 0), else null. */
  port(): number | null;
  readonly mode: 'http' | 'socket';
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const now = options.now ?? Date.now;
  const boltLogger = toBoltLogger(options.logger);
  const mode = options.appToken === undefined ? 'http' : 'socket';
  // The SDK appends method names directly ("{url}chat.postMessage"): a SLACK_API_URL typed without the
  // trailing slash would otherwise send every call to a wrong path.
  const apiUrl = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  const http = createSlackHttp({ answerTimeoutMs: SLACK_APP_DEFAULTS.requestTimeoutMs, ...(options.tlsCa === undefined ? {} : { tls: { ca: options.tlsCa } }) });
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: apiUrl,
    retryConfig: withSendOnce(options.retryConfig ?? { ...SLACK_APP_DEFAULTS.retryConfig }),
    // Wait out 429s (honouring Retry-After) instead of failing the post: one message per story must go out.
    rejectRateLimitedCalls: false,
    // Web API calls and bolt's respond() (response_url) alike.
    fetch: http.fetch,
  };

  let receiver: Receiver;
  if (options.appToken !== undefined) {
    receiver = new SocketModeReceiver({
      appToken: options.appToken,
      logger: boltLogger,
      // apps.connections.open goes to apiUrl too, so a proxy or a test stand-in can hand out its own wss URL.
      installerOptions: { clientOptions: { slackApiUrl: apiUrl, fetch: http.fetch } },
    });
  } else {
    if (options.signingSecret === undefined || options.signingSecret === '') {
      throw new UserError('slack_signing_secret_missing', 'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
    const http = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_APP_DEFAULTS.endpoint,
      logger: boltLogger,
      processBeforeResponse: false,
    });
    guardTimestamps(http, {
      toleranceSeconds: SLACK_APP_DEFAULTS.timestampToleranceSeconds,
      now,
      endpoint: SLACK_APP_DEFAULTS.endpoint,
      logger: options.logger,
    });
    receiver = http;
  }

  const app = new App({ token: options.botToken, receiver, logger: boltLogger, clientOptions });
  const poster = createSlackPoster({ token: options.botToken, apiUrl, http });
  app.error(async (error) => {
    options.logger.error('slack: unhandled error in a listener', error);
  });
  const isAdmin = createAdminCheck({
    client: app.client,
    adminUserIds: options.adminUserIds,
    logger: options.logger,
    cacheMs: options.adminCacheMs ?? SLACK_APP_DEFAULTS.adminCacheMs,
    now,
  });
  registerSlackCommands(app, { handler: options.handler, isAdmin, logger: options.logger });

  let boundPort: number | null = null;
  return {
    mode,
    client: app.client,
    sink: createSlackSink({ poster }),
    port: () => boundPort,
    async start() {
      if (mode === 'socket') {
        await app.start();
        options.logger.info('slack: connected in Socket Mode');
        return;
      }
      const listen = options.host === undefined ? { port: options.port } : { port: options.port, host: options.host };
      const server = await app.start(listen);
      boundPort = (server.address() as AddressInfo | null)?.port ?? null;
      options.logger.info(`slack: listening for events on port ${boundPort ?? options.port}${SLACK_APP_DEFAULTS.endpoint}`);
    },
    async stop() {
      // The HTTP path stays open: deliveries in flight finish after the platforms stop (run-bot drains them
      // then), and undici unrefs idle connections, so they do not hold the process.
      await app.stop();
      boundPort = null;
    },
  };
}
