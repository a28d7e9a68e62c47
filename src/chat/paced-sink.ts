// Keep to a platform's per-channel message rate instead of running into 429s: Slack allows about one
// message per second per channel. Channels are paced independently, so 1,000 channels still get their
// first story at once; only a channel's second story waits.
import type { ChatSink } from './sink.ts';

export interface PaceOptions {
  /** Minimum time between two messages to the same channel. */
  readonly intervalMs: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function pacedSink(sink: ChatSink, options: PaceOptions): ChatSink {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const nextAt = new Map<string, number>();

  // Reserve the channel's next slot synchronously, so concurrent callers queue up instead of racing.
  const turn = async (target: string) => {
    const at = Math.max(now(), nextAt.get(target) ?? 0);
    nextAt.set(target, at + options.intervalMs);
    if (nextAt.size > 10_000) for (const [key, value] of nextAt) if (value < now()) nextAt.delete(key);
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };

  const paced: ChatSink = {
    platform: sink.platform,
    deliver: (target, digest) => sink.deliver(target, digest),
  };
  const { postStory, postUpdate, nothingNew, stop } = sink;
  return {
    ...paced,
    ...(postStory === undefined ? {} : { postStory: async (target, story) => (await turn(target), postStory.call(sink, target, story)) }),
    ...(postUpdate === undefined
      ? {}
      : { postUpdate: async (target, thread, update) => (await turn(target), postUpdate.call(sink, target, thread, update)) }),
    ...(nothingNew === undefined ? {} : { nothingNew: nothingNew.bind(sink) }),
    ...(stop === undefined ? {} : { stop: stop.bind(sink) }),
  };
}

/** Slack: about one message per second per channel (chat.postMessage's special rate limit). */
export const SLACK_CHANNEL_INTERVAL_MS = 1_000;
