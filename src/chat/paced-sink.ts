// Keep to a platform's per-channel message rate instead of running into 429s: Slack allows about one
// message per second per channel. Channels are paced independently, so 1,000 channels still get their
// first story at once; only a channel's second story waits.
//
// The platform judges arrival times on its own clock, and a message may wait in its queue before it is
// counted: when a thousand posts reach it at once, the last is counted hundreds of milliseconds after it
// left us. Pacing from when a post LEFT (PostHooks.onSent, else the hand-over) then lets the next one, which
// meets no queue, arrive less than an interval after the previous was counted: a 429 and a lost second.
// Pacing from the ANSWER is always safe (a post is counted before it is answered) but adds a round trip to
// every interval, and with a thousand channels at once the answers are read late. So the interval counts
// from when the post left or, when its answer came later than `answerWithinMs` after that (a sign it
// waited somewhere), from the answer less `answerWithinMs`. A post counted just before its answer is then
// at most `answerWithinMs - marginMs` early, which must stay inside the platform's tolerance. (The fastest
// round trip seen is no safe stand-in for `answerWithinMs`: when every post waits, it measures the queue.)
// Slack documents no tolerance, so its pace uses 0: always from the answer (SLACK_ANSWER_WITHIN_MS).
// Should a message still arrive early, the 429 comes back with Retry-After and the outbox posts it again
// through this pacer: later, not lost or doubled.
import type { ChatSink, PostHooks } from './sink.ts';

export interface PaceOptions {
  /** Minimum time between two messages to the same channel, as the platform counts them (see above). */
  readonly intervalMs?: number;
  /** Added to `intervalMs`: how much later than the previous one a message may take to reach the platform. */
  readonly marginMs?: number;
  /**
   * An answer within this time of the post leaving says the post met no queue; a later answer moves the
   * mark the interval counts from to the answer less this (see above). Default: no such move.
   */
  readonly answerWithinMs?: number;
  /**
   * A bot-wide limit (Discord: 50 requests per second): never more than `count` sends in any window of
   * `windowMs`, judged on our own send times. A sliding window stays within a server's limit however
   * late our timers fire, where evenly spaced sends bunch up under load. Sends are also kept
   * `windowMs / count` apart, measured from the previous send's actual time (so late timers never bunch
   * them): without that, a full window goes out as one burst of `count`, the client's queue spreads the
   * burst over tens of milliseconds under load, and when the next burst meets less delay, `count + 1`
   * arrive within the server's second (the delivery bench saw 30-50 429s a run on a loaded machine).
   */
  readonly global?: { readonly count: number; readonly windowMs: number };
  /** How long before a channel's turn whenReady's `beforeTurn` work starts (default PREPARE_LEAD_MS). */
  readonly prepareLeadMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * whenReady's `beforeTurn` work (a story's summary, computed once for all channels by the first to need
 * it: 10-50 ms of CPU) starts this long before the turn. Done at the turn, it held up the posts of every
 * channel whose turn came during it, and with 1,000 channels due within a few hundred milliseconds the
 * delay carried on to the last of them; a quarter second ahead it falls in the quiet part of the wait.
 */
export const PREPARE_LEAD_MS = 250;

export function pacedSink(sink: ChatSink, options: PaceOptions): ChatSink {
  const now = options.now ?? Date.now;
  // Whole milliseconds, rounded up (never early): Node keeps one timer list per distinct duration, and a
  // thousand channels' fractional waits would otherwise each make a list of their own.
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(ms))));
  const sleepUntil = async (at: number): Promise<void> => {
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };
  // Per channel: the latest post's promise (posts to one channel go out in order, one at a time) and the
  // earliest time for the next one.
  const channels = new Map<string, { done: Promise<unknown>; nextAt: number }>();
  const spacing = (options.intervalMs ?? 0) + (options.marginMs ?? 0);
  const answerWithin = options.answerWithinMs ?? Number.POSITIVE_INFINITY;
  const prepareLead = options.prepareLeadMs ?? PREPARE_LEAD_MS;
  const global = options.global;
  const sent: number[] = [];
  let globalQueue: Promise<void> = Promise.resolve();
  const globalTurn = (): Promise<void> => {
    if (global === undefined) return Promise.resolve();
    const turn = globalQueue.then(async () => {
      const gap = global.windowMs / global.count;
      for (;;) {
        while (sent.length > 0 && now() - sent[0]! >= global.windowMs) sent.shift();
        const last = sent.at(-1);
        if (last !== undefined && now() - last < gap) await sleep(last + gap - now());
        else if (sent.length < global.count) break;
        else await sleep(sent[0]! + global.windowMs - now() + 1);
      }
      sent.push(now());
    });
    globalQueue = turn;
    return turn;
  };

  const paced = <T>(target: string, send: (hooks: PostHooks) => Promise<T>): Promise<T> => {
    let channel = channels.get(target);
    if (channel === undefined) {
      channel = { done: Promise.resolve(), nextAt: Number.NEGATIVE_INFINITY };
      channels.set(target, channel);
    }
    const state = channel;
    const previous = state.done;
    const run = (async () => {
      await previous.catch(() => undefined);
      await sleepUntil(state.nextAt);
      await globalTurn();
      // Handed over now; a sink that can tell when the message really left moves the mark there.
      let sentAt = now();
      try {
        return await send({ onSent: () => (sentAt = now()) });
      } finally {
        // Answered or failed (a 429 too: the retry waits out the spacing from this attempt).
        state.nextAt = Math.max(sentAt, now() - answerWithin) + spacing;
      }
    })();
    state.done = run;
    return run;
  };

  const base: ChatSink = {
    platform: sink.platform,
    deliver: (target, digest) => sink.deliver(target, digest),
    whenReady: async (target, beforeTurn) => {
      const state = channels.get(target);
      if (state !== undefined) await state.done.catch(() => undefined);
      if (beforeTurn !== undefined) {
        if (state !== undefined) await sleepUntil(state.nextAt - prepareLead);
        await beforeTurn().catch(() => undefined);
      }
      if (state !== undefined) await sleepUntil(state.nextAt);
    },
  };
  const { postStory, postUpdate, nothingNew, whenIdle, stop } = sink;
  return {
    ...base,
    ...(postStory === undefined ? {} : { postStory: (target, story) => paced(target, (hooks) => postStory.call(sink, target, story, hooks)) }),
    ...(postUpdate === undefined
      ? {}
      : { postUpdate: (target, thread, update) => paced(target, (hooks) => postUpdate.call(sink, target, thread, update, hooks)) }),
    ...(nothingNew === undefined ? {} : { nothingNew: nothingNew.bind(sink) }),
    ...(whenIdle === undefined ? {} : { whenIdle: whenIdle.bind(sink) }),
    ...(stop === undefined ? {} : { stop: stop.bind(sink) }),
  };
}

/**
 * Slack documents chat.postMessage at "1 per second" per channel ("short bursts >1 allowed", with no
 * guarantee), plus an unpublished workspace-wide limit (docs.slack.dev/apis/web-api/rate-limits).
 */
export const SLACK_CHANNEL_INTERVAL_MS = 1_000;
/**
 * Slack: added to every interval, 5% of it: the documented rate is approximate ("about", "generally"), and
 * the bot should sit a little under it, not on it. Costs this much per message after a channel's first.
 */
export const SLACK_CHANNEL_MARGIN_MS = 50;
/**
 * Slack: 0, so a channel's next post waits from the previous post's ANSWER (see pacedSink). Slack counts a
 * post before it answers it and the next post after it arrives, so two posts are at least the interval
 * and margin apart on Slack's clock however the network delays them; no assumption about jitter or about
 * how much earliness Slack forgives is needed. The cost is one round trip per interval.
 */
export const SLACK_ANSWER_WITHIN_MS = 0;
/** What the bot (and the delivery bench) paces Slack posts with. */
export const SLACK_PACE = {
  intervalMs: SLACK_CHANNEL_INTERVAL_MS,
  marginMs: SLACK_CHANNEL_MARGIN_MS,
  answerWithinMs: SLACK_ANSWER_WITHIN_MS,
} as const satisfies PaceOptions;
/**
 * Discord: 50 requests per second for the whole bot. The window is a little longer than a second so
 * that differences in network delay between two requests cannot put 51 into one second on arrival.
 */
export const DISCORD_GLOBAL_LIMIT = { count: 50, windowMs: 1_050 } as const;
