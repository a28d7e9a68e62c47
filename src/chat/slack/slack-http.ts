// The one HTTP path to Slack: an undici Agent (Node's maintained HTTP client) that carries bolt's Web API
// calls and response_url replies (as its `fetch`) and the digest poster's chat.postMessage (dispatched on
// it directly). Every request through it is watched for one fact the retry rule needs: whether the whole
// request had been written to the connection when it failed. Slack has no idempotency key for
// chat.postMessage, so a request that left and got no answer may have been posted, and must not be sent
// again; one that never left (refused, DNS, TLS handshake, no free connection) is safe to send again.
import { Agent, type Dispatcher, fetch as undiciFetch } from 'undici';

export const SLACK_HTTP_DEFAULTS = {
  /**
   * Connections kept to Slack. A wave of posts to 1,000 channels queues for them (the pacer counts from
   * when a post is written, not when it was queued), which costs less than opening 1,000 connections.
   */
  connections: 100,
  /** Connect and TLS handshake; a failure here means the request never left. */
  connectTimeoutMs: 10_000,
  /** From the request being written to the answer's head, and between body chunks: a hung connection must not hold a delivery forever. */
  answerTimeoutMs: 30_000,
} as const;

export interface SlackHttpOptions {
  readonly connections?: number;
  readonly connectTimeoutMs?: number;
  readonly answerTimeoutMs?: number;
  /** Extra TLS options for the connection (tests pass the stand-in's certificate authority). */
  readonly tls?: { readonly ca?: string };
}

/**
 * The request was written in full and then the connection failed or timed out before the whole answer
 * came back: Slack may have acted on it. Carries the transport's error as `cause`.
 */
export class SlackRequestSentError extends Error {
  readonly code = 'SLACK_REQUEST_SENT_NO_ANSWER';
  constructor(cause: unknown) {
    super(`the request was sent and no answer came back (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = 'SlackRequestSentError';
  }
}

/** Whether `error` (or an error in its cause chain, as fetch and bolt wrap them) says a request left without an answer. */
export function sentWithoutAnswer(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== null && typeof e === 'object' && !seen.has(e); ) {
    seen.add(e);
    if (e instanceof SlackRequestSentError) return true;
    const next = e as { cause?: unknown; original?: unknown };
    // bolt's WebAPIRequestError keeps the transport error as `original`; fetch's TypeError as `cause`.
    e = next.original ?? next.cause;
  }
  return false;
}

/** Forwards every handler call, noting when the request was written in full. */
class SentWatch implements Dispatcher.DispatchHandler {
  private sent = false;
  private readonly inner: Dispatcher.DispatchHandler;
  constructor(inner: Dispatcher.DispatchHandler) {
    this.inner = inner;
  }
  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.inner.onRequestStart?.(controller, context);
  }
  onRequestUpgrade(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>): void {
    this.inner.onRequestUpgrade?.(...args);
  }
  onBodySent(chunk: Buffer): void {
    this.inner.onBodySent?.(chunk);
  }
  onRequestSent(): void {
    this.sent = true;
    this.inner.onRequestSent?.();
  }
  onResponseStarted(): void {
    this.inner.onResponseStarted?.();
  }
  onResponseStart(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseStart']>>): void {
    this.inner.onResponseStart?.(...args);
  }
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData?.(controller, chunk);
  }
  onResponseEnd(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseEnd']>>): void {
    this.inner.onResponseEnd?.(...args);
  }
  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    // An error after the request left and before its answer was complete (a cut-off answer too: a 200 whose
    // body is lost may still have posted) leaves the outcome unknown.
    this.inner.onResponseError?.(controller, this.sent ? new SlackRequestSentError(error) : error);
  }
}

export interface SlackAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface SlackHttp {
  /** A fetch over this path, for bolt (clientOptions.fetch: Web API calls and response_url replies). */
  readonly fetch: typeof globalThis.fetch;
  /**
   * POST `body` to `url`; resolves with the whole answer, rejects with the transport's error (a
   * SlackRequestSentError when the request had left). `onSent` is called once the request is written.
   */
  post(url: URL, headers: Readonly<Record<string, string>>, body: string, onSent?: () => void): Promise<SlackAnswer>;
  /** Closes idle connections; requests in flight finish first. */
  close(): Promise<void>;
}

export function createSlackHttp(options: SlackHttpOptions = {}): SlackHttp {
  const agent = new Agent({
    connections: options.connections ?? SLACK_HTTP_DEFAULTS.connections,
    headersTimeout: options.answerTimeoutMs ?? SLACK_HTTP_DEFAULTS.answerTimeoutMs,
    bodyTimeout: options.answerTimeoutMs ?? SLACK_HTTP_DEFAULTS.answerTimeoutMs,
    connect: { timeout: options.connectTimeoutMs ?? SLACK_HTTP_DEFAULTS.connectTimeoutMs, ...(options.tls?.ca === undefined ? {} : { ca: options.tls.ca }) },
  });
  const dispatcher = agent.compose((dispatch) => (opts, handler) => dispatch(opts, new SentWatch(handler)));

  const fetch = ((input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) =>
    // undici's fetch and Node's global one share the WHATWG types; only the dispatcher is ours.
    undiciFetch(input as never, { ...(init as object), dispatcher } as never) as unknown as Promise<Response>) as typeof globalThis.fetch;

  const post: SlackHttp['post'] = (url, headers, body, onSent) =>
    new Promise<SlackAnswer>((resolve, reject) => {
      let status = 0;
      let answerHeaders: SlackAnswer['headers'] = {};
      const chunks: Buffer[] = [];
      dispatcher.dispatch(
        { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body },
        {
          onRequestSent: () => onSent?.(),
          onResponseStart: (_controller, statusCode, head) => {
            status = statusCode;
            answerHeaders = head;
          },
          onResponseData: (_controller, chunk) => {
            chunks.push(chunk);
          },
          onResponseEnd: () => resolve({ status, headers: answerHeaders, body: Buffer.concat(chunks).toString('utf8') }),
          onResponseError: (_controller, error) => reject(error),
        },
      );
    });

  return { fetch, post, close: () => agent.close() };
}
