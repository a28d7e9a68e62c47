// chat.postMessage for the delivery hot path, on a small HTTP/1.1 client (http1-pool.ts) with kept-alive
// connections. Bolt's WebClient spends about 0.8 ms of CPU per call (fetch, p-queue, p-retry, and debug log
// lines whose JSON is built even when debug is off), and node:http about 0.2 ms; a delivery to 1,000
// channels at once needs the last channel's first post out within a fraction of Slack's one-second spacing.
// Bolt's client still serves commands and replies.
import type { Block, SlackMessage } from './blocks.ts';
import { slackApiError, slackHttpError, slackNetworkError, slackRateLimited } from './errors.ts';
import type { Http1Response } from './http1-response.ts';
import { createHttp1Pool } from './http1-pool.ts';

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
   * the delivery bench (noisy: a shared machine) 100 and 300 did about as well (2.9-3.0 s in alternating
   * runs), 50 worse (3.3-3.5 s), and 1,000 worst (3.5 s: opening connections costs both sides CPU).
   */
  maxSockets: 100,
  /**
   * whenIdle's longest wait: bookkeeping that waits for the poster to be idle (the outbox's record of a
   * post) is not put off longer than this when posts keep coming.
   */
  idleWaitMs: 1_000,
  /** Slack answers 429 with Retry-After in seconds; this is assumed when the header is missing. */
  retryAfterSeconds: 1,
} as const satisfies Omit<SlackPosterOptions, 'token' | 'apiUrl'> & { retryAfterSeconds: number; idleWaitMs: number };

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
  /** Resolves once no post is queued or waiting for its answer (at most SLACK_POSTER_DEFAULTS.idleWaitMs). */
  whenIdle(): Promise<void>;
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
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Slack API URL must be http: or https:, not ${url.protocol}`);
  // A line break would let the token end the header early and forge the rest; say so without the token.
  if (/[\r\n]/.test(options.token)) throw new TypeError('Slack token contains a line break');
  const pool = createHttp1Pool({
    origin: url,
    maxSockets: options.maxSockets ?? SLACK_POSTER_DEFAULTS.maxSockets,
    timeoutMs: options.timeoutMs ?? SLACK_POSTER_DEFAULTS.timeoutMs,
  });
  // Everything but the body's length and the body is the same for every post: built once, as bytes.
  const headBeforeLength = Buffer.from(
    `POST ${url.pathname}${url.search} HTTP/1.1\r\n` +
      `host: ${url.host}\r\n` +
      `authorization: Bearer ${options.token}\r\n` +
      'content-type: application/x-www-form-urlencoded\r\n' +
      'accept: application/json\r\n' +
      'user-agent: news-digest\r\n' +
      'content-length: ',
    'latin1',
  );

  function postMessage({ channel, message, threadTs, onSent }: SlackPost): Promise<string | null> {
    const form = formOf(message);
    // Every field is percent-encoded, so the text is ASCII and its length is its byte length.
    const fields = `channel=${encodeURIComponent(channel)}${threadTs === undefined ? '' : `&thread_ts=${encodeURIComponent(threadTs)}`}&`;
    const varying = Buffer.from(`${fields.length + form.length}\r\n\r\n${fields}`, 'latin1');
    const request = Buffer.concat([headBeforeLength, varying, form], headBeforeLength.length + varying.length + form.length);
    return pool.send(request, onSent).then(
      (response) => answer(channel, response),
      (error: unknown) => Promise.reject(slackNetworkError(channel, error)),
    );
  }

  return { postMessage, whenIdle: () => pool.whenIdle(SLACK_POSTER_DEFAULTS.idleWaitMs), close: () => pool.close() };
}

function answer(channel: string, res: Http1Response): string | null {
  const status = res.status;
  if (status === 429) {
    const header = Number.parseInt(res.headers['retry-after'] ?? '', 10);
    throw slackRateLimited(channel, Number.isNaN(header) ? SLACK_POSTER_DEFAULTS.retryAfterSeconds : header);
  }
  // Slack's Web API uses no meaningful statuses besides 200 and 429; anything else is the transport's.
  if (status !== 200) throw slackHttpError(channel, status);
  let data: { ok?: unknown; ts?: unknown; error?: unknown } | null;
  try {
    data = JSON.parse(res.body) as typeof data;
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
const encodedMessages = new WeakMap<SlackMessage, Buffer>();

function formOf(message: SlackMessage): Buffer {
  let form = encodedMessages.get(message);
  if (form === undefined) {
    // Story messages carry many links; Slack's previews would bury the summary under cards.
    form = Buffer.from(`text=${encodeURIComponent(message.text)}&blocks=${encodeURIComponent(JSON.stringify(message.blocks satisfies readonly Block[]))}&unfurl_links=false&unfurl_media=false`, 'latin1');
    encodedMessages.set(message, form);
  }
  return form;
}
