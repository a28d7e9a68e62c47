// chat.postMessage for the delivery hot path, on node:http(s) with a keep-alive pool. Bolt's WebClient
// spends about 0.8 ms of CPU per call (fetch, p-queue, p-retry, and debug log lines whose JSON is built
// even when debug is off); this spends about 0.2 ms, which is what lets a wave of 1,000 channels leave
// within a fraction of Slack's one-second spacing. Bolt's client still serves commands and replies.
import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
   * 512 and unlimited spent more CPU opening connections and drew 429s.
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
  const secure = url.protocol === 'https:';
  const maxSockets = options.maxSockets ?? SLACK_POSTER_DEFAULTS.maxSockets;
  const timeout = options.timeoutMs ?? SLACK_POSTER_DEFAULTS.timeoutMs;
  // The timeout lives on the sockets (inactivity, set once per connection): a per-request timeout re-arms a
  // timer on every call and costs a third as much CPU as the whole request.
  const agentOptions = { keepAlive: true, maxSockets, timeout };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;
  // Built once: per call only the body and its length change. Headers as a raw list skip Node's
  // per-header validation, which is most of what building a request costs besides the write itself.
  const target = { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent };
  const fixedHeaders = [
    'host', url.host,
    'authorization', `Bearer ${options.token}`,
    'content-type', 'application/x-www-form-urlencoded',
    'accept', 'application/json',
    'user-agent', 'news-digest',
  ];

  function postMessage({ channel, message, threadTs, onSent }: SlackPost): Promise<string | null> {
    const body = `channel=${encodeURIComponent(channel)}${threadTs === undefined ? '' : `&thread_ts=${encodeURIComponent(threadTs)}`}&${formOf(message)}`;
    return new Promise((resolve, reject) => {
      const headers = [...fixedHeaders, 'content-length', String(Buffer.byteLength(body))];
      const req = send({ ...target, headers }, (res) => {
        readBody(res).then((text) => {
          try {
            resolve(answer(channel, res, text));
          } catch (error) {
            reject(error);
          }
        }, (error: unknown) => reject(slackNetworkError(channel, error)));
      });
      // 'finish': the whole request is handed to the OS, which for a kept-alive connection means sent.
      if (onSent !== undefined) req.once('finish', onSent);
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeout} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => reject(slackNetworkError(channel, error)));
      req.end(body);
    });
  }

  const close = () => {
    for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
  };
  return { postMessage, close };
}

function answer(channel: string, res: IncomingMessage, text: string): string | null {
  const status = res.statusCode ?? 0;
  if (status === 429) {
    const header = Number.parseInt(String(res.headers['retry-after'] ?? ''), 10);
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

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(text));
    res.on('error', reject);
  });
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
