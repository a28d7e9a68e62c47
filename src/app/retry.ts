// Retries for platform calls: 429 waits what the platform asks (Retry-After), 5xx and errors from before
// the request left back off exponentially with full jitter; anything else (bad token, unknown channel)
// fails at once, and so does a request that left without an answer: it may have been posted.

export const RETRY_DEFAULTS = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
} as const satisfies RetryOptions;

export interface RetryOptions {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface RetryDeps {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Called before each retry, for logs and metrics. */
  readonly onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/**
 * Errors that can only happen before a request is written: nothing reached the server. A reset, a broken
 * pipe or a socket timeout can come after the request was written, so they are not here: a platform sink
 * that can tell the two apart says so itself (`retryable`, `uncertain`).
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** How long to wait before retrying after `error`, or null when retrying cannot help. */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions, random: () => number): number | null {
  const e = (error ?? {}) as {
    status?: unknown;
    statusCode?: unknown;
    code?: unknown;
    retryAfterMs?: unknown;
    retryAfterSeconds?: unknown;
    retryable?: unknown;
    uncertain?: unknown;
    cause?: unknown;
  };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  // Platform errors (SlackDeliveryError, DiscordDeliveryError) say themselves whether a retry can help;
  // one that may have been posted is never sent again, whatever else it says.
  if (e.retryable === false || e.uncertain === true) return null;
  if (typeof e.retryAfterMs === 'number' && e.retryAfterMs >= 0) return Math.min(e.retryAfterMs, options.maxDelayMs * 4);
  if (typeof e.retryAfterSeconds === 'number' && e.retryAfterSeconds >= 0) {
    return Math.min(e.retryAfterSeconds * 1000, options.maxDelayMs * 4);
  }
  const backoff = () => Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt));
  if (e.retryable === true) return backoff();
  if (status === 429 || (status !== undefined && status >= 500)) return backoff();
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined && NETWORK_CODES.has(code)) return backoff();
  if (e.cause !== undefined && e.cause !== error) return retryDelay(e.cause, attempt, options, random);
  return null;
}

export async function withRetries<T>(work: () => Promise<T>, deps: RetryDeps, options: RetryOptions = RETRY_DEFAULTS): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const delay = retryDelay(error, attempt, options, deps.random);
      if (delay === null || attempt + 1 >= options.attempts) throw error;
      deps.onRetry?.(attempt + 1, delay, error);
      await deps.sleep(delay);
    }
  }
}
