// chat.postMessage for digests, on the one HTTP path to Slack (slack-http.ts, undici; bolt's Web API client
// rides the same path). One attempt per call, with an error that says whether another can be made: the
// outbox's retry loop does the waiting, through the per-channel pacer, which then knows when the message
// really left.
import type { Block, SlackMessage } from './blocks.ts';
import { slackApiError, slackHttpError, slackNetworkError, slackOutcomeUnknown, slackRateLimited } from './errors.ts';
import { sentWithoutAnswer, type SlackAnswer, type SlackHttp } from './slack-http.ts';

export interface SlackPosterOptions {
  /** Bot token (xoxb-...); sent only in the Authorization header, never in a body, error or log. */
  readonly token: string;
  /** Web API base URL (SLACK_API_URL), e.g. https://slack.com/api/; a missing trailing slash is added. */
  readonly apiUrl: string;
  /** The HTTP path the app's bolt client uses too (createSlackHttp). */
  readonly http: SlackHttp;
}

export const SLACK_POSTER_DEFAULTS = {
  /**
   * whenIdle's longest wait: bookkeeping that waits for the poster to be idle (the outbox's record of a
   * post) is not put off longer than this when posts keep coming.
   */
  idleWaitMs: 1_000,
  /** Slack answers 429 with Retry-After in seconds; this is assumed when the header is missing. */
  retryAfterSeconds: 1,
} as const;

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
  /** Resolves once no post is waiting to be sent or answered (at most SLACK_POSTER_DEFAULTS.idleWaitMs). */
  whenIdle(): Promise<void>;
}

/**
 * Failures map to SlackDeliveryError by what is known about the message: never left (slack_network_error,
 * retryable), left without an answer (slack_outcome_unknown, uncertain, not retryable), 429 (retryable after
 * Retry-After), 5xx (retryable), ok:false (retryable only for Slack's documented transient errors).
 */
export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  const url = new URL(`${base}chat.postMessage`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Slack API URL must be http: or https:, not ${url.protocol}`);
  // A line break would let the token end the header early and forge the rest; say so without the token.
  if (/[\r\n]/.test(options.token)) throw new TypeError('Slack token contains a line break');
  const headers = {
    authorization: `Bearer ${options.token}`,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    'user-agent': 'news-digest',
  } as const;
  let inFlight = 0;
  let idle: { promise: Promise<void>; resolve: () => void } | null = null;
  const settled = () => {
    inFlight -= 1;
    if (inFlight === 0 && idle !== null) {
      idle.resolve();
      idle = null;
    }
  };

  async function postMessage({ channel, message, threadTs, onSent }: SlackPost): Promise<string | null> {
    const body = `channel=${encodeURIComponent(channel)}${threadTs === undefined ? '' : `&thread_ts=${encodeURIComponent(threadTs)}`}&${formOf(message)}`;
    inFlight += 1;
    let answer: SlackAnswer;
    try {
      answer = await options.http.post(url, headers, body, onSent);
    } catch (error) {
      throw sentWithoutAnswer(error) ? slackOutcomeUnknown(channel, null, error) : slackNetworkError(channel, error);
    } finally {
      settled();
    }
    return tsOf(channel, answer);
  }

  function whenIdle(): Promise<void> {
    if (inFlight === 0) return Promise.resolve();
    if (idle === null) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      idle = { promise, resolve };
    }
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, SLACK_POSTER_DEFAULTS.idleWaitMs)));
    return Promise.race([idle.promise, bound]).finally(() => clearTimeout(timer));
  }

  return { postMessage, whenIdle };
}

function tsOf(channel: string, answer: SlackAnswer): string | null {
  const { status } = answer;
  if (status === 429) {
    const header = Number.parseInt(String(answer.headers['retry-after'] ?? ''), 10);
    throw slackRateLimited(channel, Number.isNaN(header) ? SLACK_POSTER_DEFAULTS.retryAfterSeconds : header);
  }
  // Slack's Web API uses no meaningful statuses besides 200 and 429; anything else is the transport's.
  if (status !== 200) throw slackHttpError(channel, status);
  let data: unknown;
  try {
    data = JSON.parse(answer.body);
  } catch (error) {
    // A 200 that is not Slack's JSON (a proxy's page, a cut-off body) says nothing about the post.
    throw slackOutcomeUnknown(channel, status, error);
  }
  const fields = (typeof data === 'object' && data !== null ? data : {}) as { ok?: unknown; ts?: unknown; error?: unknown };
  if (fields.ok === true) return typeof fields.ts === 'string' ? fields.ts : null;
  // ok:false is Slack's own refusal: nothing was posted.
  if (fields.ok === false) throw slackApiError(channel, typeof fields.error === 'string' ? fields.error : 'unknown_error');
  throw slackOutcomeUnknown(channel, status, new Error('the answer has no "ok" field'));
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
