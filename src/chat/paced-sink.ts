// Keep to a platform's per-channel message rate instead of running into 429s: Slack allows about one
// message per second per channel. Channels are paced independently, so 1,000 channels still get their
// first story at once; only a channel's second story waits.
import type { ChatSink } from './sink.ts';

export interface PaceOptions {
  /** Minimum time between two messages to the same channel (from the platform's answer to the next send). */
  readonly intervalMs?: number;
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
  // Per channel: the previous post's promise and when it finished. The interval counts from the moment
  // the platform answered, not from when we sent: a slow first request would otherwise let the second
  // one arrive less than an interval after it.
  const channels = new Map<string, { done: Promise<unknown>; at: number }>();
  const perChannel = options.intervalMs ?? 0;
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

  const paced = async <T>(target: string, send: () => Promise<T>): Promise<T> => {
    const previous = channels.get(target);
    const run = (async () => {
      if (previous !== undefined) {
        await previous.done.catch(() => undefined);
        const wait = (channels.get(target)?.at ?? 0) + perChannel - now();
        if (wait > 0) await sleep(wait);
      }
      await globalTurn();
      try {
        return await send();
      } finally {
        const entry = channels.get(target);
        if (entry !== undefined) entry.at = now();
      }
    })();
    channels.set(target, { done: run, at: previous?.at ?? 0 });
    return run;
  };

  const base: ChatSink = {
    platform: sink.platform,
    deliver: (target, digest) => sink.deliver(target, digest),
  };
  const { postStory, postUpdate, nothingNew, stop } = sink;
  return {
    ...base,
    ...(postStory === undefined ? {} : { postStory: (target, story) => paced(target, () => postStory.call(sink, target, story)) }),
    ...(postUpdate === undefined
      ? {}
      : { postUpdate: (target, thread, update) => paced(target, () => postUpdate.call(sink, target, thread, update)) }),
    ...(nothingNew === undefined ? {} : { nothingNew: nothingNew.bind(sink) }),
    ...(stop === undefined ? {} : { stop: stop.bind(sink) }),
  };
}

/** Slack: about one message per second per channel (chat.postMessage's special rate limit). */
export const SLACK_CHANNEL_INTERVAL_MS = 1_000;
/**
 * Discord: 50 requests per second for the whole bot. The window is a little longer than a second so
 * that differences in network delay between two requests cannot put 51 into one second on arrival.
 */
export const DISCORD_GLOBAL_LIMIT = { count: 50, windowMs: 1_050 } as const;
