// When each feed is polled. Feeds are spread over the interval by a hash of their URL (so 300 feeds do
// not all fire at :00), failing feeds back off exponentially with jitter (so a dead host is not hammered
// and feeds that failed together do not retry together), and Retry-After wins when it asks for longer.
import { createHash } from 'node:crypto';

export interface PollOptions {
  readonly intervalMs: number;
  /** First retry delay after a failure; doubles with every further failure. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** Backoff delays are scaled by a random factor in [1 - jitter, 1 + jitter]. */
  readonly jitter: number;
  /** Retry-After values beyond this are capped: a misconfigured server must not silence a feed for a year. */
  readonly maxRetryAfterMs: number;
  /** Items with less own text than this many words get their article page fetched (when an extractor is set). */
  readonly teaserMinWords: number;
  /** Feeds polled at the same time by one poller. */
  readonly concurrency: number;
  /** Remembered item ids per feed. */
  readonly seenIdsCap: number;
}

export const DEFAULT_POLL_OPTIONS = {
  intervalMs: 15 * 60_000,
  backoffBaseMs: 60_000,
  backoffMaxMs: 6 * 60 * 60_000,
  jitter: 0.2,
  maxRetryAfterMs: 24 * 60 * 60_000,
  teaserMinWords: 60,
  concurrency: 8,
  seenIdsCap: 1000,
} as const satisfies PollOptions;

/** Stable offset of a feed inside the interval, from a hash of its URL. */
export function spreadOffset(url: string, intervalMs: number): number {
  const hash = createHash('sha256').update(url).digest();
  return hash.readUIntBE(0, 6) % intervalMs;
}

/** The feed's next slot strictly after `now`: slots are offset + k * interval. */
export function nextSlot(url: string, now: number, intervalMs: number): number {
  const offset = spreadOffset(url, intervalMs);
  const k = Math.floor((now - offset) / intervalMs) + 1;
  return offset + k * intervalMs;
}

/**
 * The slot to poll again after a poll at `polledAt`: the feed's first slot at least half an interval
 * later. A poll at the slot itself gets the next slot, one interval on; a poll off the slot (a new feed
 * read at once, a retry after a failure) does not meet its regular slot seconds later and fetch the feed
 * twice in a row.
 */
export function slotAfterPoll(url: string, polledAt: number, intervalMs: number): number {
  return nextSlot(url, polledAt + intervalMs / 2, intervalMs);
}

/** Delay before the next attempt after `failures` consecutive failures (1 = the first failure). */
export function backoffDelay(failures: number, options: PollOptions, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  const jittered = exponential * (1 + options.jitter * (2 * random() - 1));
  const asked = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, options.maxRetryAfterMs);
  return Math.round(Math.max(jittered, asked));
}
