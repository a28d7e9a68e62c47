// Keep to a platform's per-channel message rate instead of running into 429s: Slack allows about one
// message per second per channel. Channels are paced independently, so 1,000 channels still get their
// first story at once; only a channel's second story waits.
//
// The interval counts from when the previous message LEFT, not from its answer: counting from the answer
// adds a round trip per message, and with 1,000 channels at once that round trip is most of a second.
// "Left" is when the sink reports it written to the connection (PostHooks.onSent), else when it was handed
// to the sink; the two differ by hundreds of milliseconds when a thousand posts are handed over in one go
// and queue for connections and CPU, and pacing from the hand-over then lets the next post, which meets no
// queue, arrive early. The platform judges arrival times: a message sent one interval after the previous
// one still arrives too early if the previous one spent longer on the way. `marginMs` covers that
// difference (network and the platform's own queue, alike for two sends a second apart), so the platform's
// tolerance is left for its clock rather than spent on our error. Should a message still arrive early, the
// 429 comes back with Retry-After and the outbox posts it again through this pacer: later, not lost or doubled.
import type { ChatSink, PostHooks } from './sink.ts';

export interface PaceOptions {
  /** Minimum time between two messages to the same channel, from one send to the next. */
  readonly intervalMs?: number;
  /** Added to `intervalMs`: how much later than the previous one a message may take to reach the platform. */
  readonly marginMs?: number;
  /**
   * A bot-wide limit (Discord: 50 requests per second): never more than `count` sends in any window of
   * `windowMs`, judged on our own send times. A sliding window stays within a server's limit however
   * late our timers fire, where evenly spaced sends bunch up under load.
   */
  readonly global?: { readonly count: number; readonly windowMs: number };
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function pacedSink(sink: ChatSink, options: PaceOptions): ChatSink {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Per channel: the latest post's promise (posts to one channel go out in order, one at a time) and when
  // the last one was sent.
  const channels = new Map<string, { done: Promise<unknown>; sentAt: number }>();
  const spacing = (options.intervalMs ?? 0) + (options.marginMs ?? 0);
  const global = options.global;
  const sent: number[] = [];
  let globalQueue: Promise<void> = Promise.resolve();
  const globalTurn = (): Promise<void> => {
    if (global === undefined) return Promise.resolve();
    const turn = globalQueue.then(async () => {
      for (;;) {
        while (sent.length > 0 && now() - sent[0]! >= global.windowMs) sent.shift();
        if (sent.length < global.count) break;
        await sleep(sent[0]! + global.windowMs - now() + 1);
      }
      sent.push(now());
    });
    globalQueue = turn;
    return turn;
  };

  const paced = <T>(target: string, send: (hooks: PostHooks) => Promise<T>): Promise<T> => {
    let channel = channels.get(target);
    if (channel === undefined) {
      channel = { done: Promise.resolve(), sentAt: Number.NEGATIVE_INFINITY };
      channels.set(target, channel);
    }
    const state = channel;
    const previous = state.done;
    const run = (async () => {
      await previous.catch(() => undefined);
      const wait = state.sentAt + spacing - now();
      if (wait > 0) await sleep(wait);
      await globalTurn();
      // Handed over now; a sink that can tell when the message really left moves the mark there.
      state.sentAt = now();
      return send({ onSent: () => (state.sentAt = now()) });
    })();
    state.done = run;
    return run;
  };

  const base: ChatSink = {
    platform: sink.platform,
    deliver: (target, digest) => sink.deliver(target, digest),
  };
  const { postStory, postUpdate, nothingNew, stop } = sink;
  return {
    ...base,
    ...(postStory === undefined ? {} : { postStory: (target, story) => paced(target, (hooks) => postStory.call(sink, target, story, hooks)) }),
    ...(postUpdate === undefined
      ? {}
      : { postUpdate: (target, thread, update) => paced(target, (hooks) => postUpdate.call(sink, target, thread, update, hooks)) }),
    ...(nothingNew === undefined ? {} : { nothingNew: nothingNew.bind(sink) }),
    ...(stop === undefined ? {} : { stop: stop.bind(sink) }),
  };
}

/** Slack: about one message per second per channel (chat.postMessage's special rate limit). */
export const SLACK_CHANNEL_INTERVAL_MS = 1_000;
/**
 * Slack: how much longer a message may take to reach Slack than the one a second before it. Each
 * millisecond here costs one per message after a channel's first, but a message that arrives early costs a
 * whole Retry-After second. On the delivery bench (1,000 channels, a stand-in allowing 50 ms early, quiet
 * machine, three runs each) 50 ms drew 429s in every run (3.4 s), 100-200 ms in one run of three (2.8-3.0 s
 * without, 3.5-3.8 s with); 150 ms is the middle of that plateau.
 */
export const SLACK_CHANNEL_MARGIN_MS = 150;
/** What the bot (and the delivery bench) paces Slack posts with. */
export const SLACK_PACE = { intervalMs: SLACK_CHANNEL_INTERVAL_MS, marginMs: SLACK_CHANNEL_MARGIN_MS } as const satisfies PaceOptions;
/**
 * Discord: 50 requests per second for the whole bot. The window is a little longer than a second so
 * that differences in network delay between two requests cannot put 51 into one second on arrival.
 */
export const DISCORD_GLOBAL_LIMIT = { count: 50, windowMs: 1_050 } as const;
