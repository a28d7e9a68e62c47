// chat.postMessage for the delivery hot path, on an undici connection pool. Bolt's WebClient spends about
// 0.8 ms of CPU per call (fetch, p-queue, p-retry, and debug log lines whose JSON is built even when debug is
// off); node:http with a keep-alive agent spends about 0.2 ms, and undici's dispatch API (no streams, no
// request or response objects, a native parser) about two thirds of that once warm, which is what lets a wave of
// 1,000 channels leave within a fraction of Slack's one-second spacing. Bolt's client still serves commands
// and replies. undici is already in the tree (a peer of @slack/bolt); this makes it a direct dependency.
import { Pool, type Dispatcher } from 'undici';
import type { Block, SlackMessage } from './blocks.ts';
import { slackApiError, slackHttpError, slackNetworkError, slackRateLimited } from './errors.ts';

export interface SlackPosterOptions {
  /** Bot token (xoxb-...); sent only in the Authorization header, never in a body, error or log. */
  readonly token: string;
  /** Web API base URL (SLACK_API_URL), e.g. https://slack.com/api/; a missing trailing slash is added. */
  readonly apiUrl: string;
  readonly timeoutMs?: number;
  readonly maxSockets?: number;
}

export const SLACK_POSTER_DEFAULTS = {
  /** A hung connection must not hold a delivery forever. */
  timeoutMs: 30_000,
  /**
   * Connections kept to Slack. A wave of posts to 1,000 channels queues for them, which is harmless (the
   * pacer counts from when a post is written, not when it was queued) and cheaper than opening 1,000. On
   * the delivery bench (noisy: a shared machine) 100 did as well as any of 16 to 200 with no 429s, while
   * 512 and unlimited spent more CPU opening connections and drew 429s (measured with the node:http poster
   * this one replaced).
   */
  maxSockets: 100,
  /** Slack answers 429 with Retry-After in seconds; this is assumed when the header is missing. */
  retryAfterSeconds: 1,
} as const satisfies Omit<SlackPosterOptions, 'token' | 'apiUrl'> & { retryAfterSeconds: number };

export interface SlackPost {
  readonly channel: string;
  readonly message: SlackMessage;
  readonly threadTs?: string;
  /** Called once the request is written to the connection (see PostHooks.onSent). */
  readonly onSent?: () => void;
}

export interface SlackPoster {
  /** Posts the message; resolves to its ts (the thread anchor), rejects with a SlackDeliveryError. */
  postMessage(post: SlackPost): Promise<string | null>;
  /**
   * Closes idle keep-alive connections. Posts in flight finish (the bot stops its platforms before the
   * deliveries drain, and cutting a sent post would leave its outbox entry unsure), and a later post
   * opens a new connection.
   */
  close(): void;
}

/**
 * One attempt per call: a 429 rejects with its Retry-After (code slack_rate_limited) instead of being
 * waited out here, so the retry goes back through the per-channel pacer, which then knows when the
 * message really left. The outbox's retry loop does the waiting.
 */
export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  const url = new URL(`${base}chat.postMessage`);
  const timeout = options.timeoutMs ?? SLACK_POSTER_DEFAULTS.timeoutMs;
  const poolOptions: Pool.Options = {
    connections: options.maxSockets ?? SLACK_POSTER_DEFAULTS.maxSockets,
    connect: { timeout },
    headersTimeout: timeout,
    bodyTimeout: timeout,
  };
  // Made on the first post and again on the first post after close().
  let pool: Pool | undefined;
  // Built once: per call only the body changes (undici adds content-length and host).
  const headers = [
    'authorization', `Bearer ${options.token}`,
    'content-type', 'application/x-www-form-urlencoded',
    'accept', 'application/json',
    'user-agent', 'news-digest',
  ];

  function postMessage({ channel, message, threadTs, onSent }: SlackPost): Promise<string | null> {
    const body = `channel=${encodeURIComponent(channel)}${threadTs === undefined ? '' : `&thread_ts=${encodeURIComponent(threadTs)}`}&${formOf(message)}`;
    const target = (pool ??= new Pool(url.origin, poolOptions));
    return new Promise((resolve, reject) => {
      let status = 0;
      let retryAfter: unknown;
      // Bytes, decoded at the end: a character may be split between two chunks.
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        // Required by undici; nothing to keep (a timeout or close() aborts for us).
        onRequestStart: () => undefined,
        // The whole request is handed to the OS, which for a kept-alive connection means sent.
        ...(onSent === undefined ? {} : { onRequestSent: onSent }),
        onResponseStart: (_controller, statusCode, responseHeaders) => {
          status = statusCode;
          retryAfter = responseHeaders['retry-after'];
        },
        onResponseData: (_controller, chunk) => {
          chunks.push(chunk);
        },
        onResponseEnd: () => {
          try {
            resolve(answer(channel, status, retryAfter, Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        },
        onResponseError: (_controller, error) => reject(slackNetworkError(channel, networkCause(error, timeout))),
      };
      target.dispatch({ origin: url.origin, path: url.pathname, method: 'POST', headers, body }, handler);
    });
  }

  const close = () => {
    // undici closes a pool once its requests in flight are answered; a later post opens a new one.
    const closing = pool;
    pool = undefined;
    void closing?.close();
  };
  return { postMessage, close };
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** undici's timeouts say which phase timed out; what an operator needs is that Slack did not answer. */
function networkCause(error: Error, timeout: number): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !TIMEOUT_CODES.has(code)) return error;
  return Object.assign(new Error(`no answer within ${timeout} ms`, { cause: error }), { code: 'ETIMEDOUT' });
}

function answer(channel: string, status: number, retryAfter: unknown, text: string): string | null {
  if (status === 429) {
    const header = Number.parseInt(String(retryAfter ?? ''), 10);
    throw slackRateLimited(channel, Number.isNaN(header) ? SLACK_POSTER_DEFAULTS.retryAfterSeconds : header);
  }
  // Slack's Web API uses no meaningful statuses besides 200 and 429; anything else is the transport's.
  if (status !== 200) throw slackHttpError(channel, status);
  let data: { ok?: unknown; ts?: unknown; error?: unknown } | null;
  try {
    data = JSON.parse(text) as typeof data;
  } catch (error) {
    throw slackHttpError(channel, status, error);
  }
  if (typeof data !== 'object' || data === null) throw slackApiError(channel, 'unknown_error');
  if (data.ok !== true) throw slackApiError(channel, typeof data.error === 'string' ? data.error : 'unknown_error');
  return typeof data.ts === 'string' ? data.ts : null;
}

/**
 * The form fields after the channel, encoded once per message: a digest posts the same rendered story to
 * every channel, and encoding its blocks (several kilobytes of JSON) each time would dominate the call.
 */
const encodedMessages = new WeakMap<SlackMessage, string>();

function formOf(message: SlackMessage): string {
  let form = encodedMessages.get(message);
  if (form === undefined) {
    // Story messages carry many links; Slack's previews would bury the summary under cards.
    form = `text=${encodeURIComponent(message.text)}&blocks=${encodeURIComponent(JSON.stringify(message.blocks satisfies readonly Block[]))}&unfurl_links=false&unfurl_media=false`;
    encodedMessages.set(message, form);
  }
  return form;
}
