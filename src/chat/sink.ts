// The port every chat platform implements: post a story as its own message, or an update to it.
import type { Digest, DigestStory } from '../domain/digest.ts';

export interface Delivery {
  readonly storyId: string;
  /** The platform's message id, or null where the platform has none (the console). */
  readonly messageId: string | null;
}

/** What changed in a story since it was posted: only the new sentences and the new sources. */
export interface StoryUpdate {
  readonly story: DigestStory;
  /** Sentences not posted before (with [n] markers into story.sources). */
  readonly newSentences: DigestStory['summary'];
  /** Source numbers (n) added since the last post. */
  readonly newSources: readonly number[];
}

/**
 * A sink's post failed after the message left: the platform may have posted it (a dropped connection, an
 * answer that never came). Sinks mark such errors `uncertain: true`; sending again could post it twice.
 */
export function mayHaveBeenPosted(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { uncertain?: unknown }).uncertain === true;
}

/** Optional hooks a caller passes with a post. */
export interface PostHooks {
  /**
   * Called when the message has left this process (written to the connection). A pacer counts a
   * platform's rate from here: the moment a post was handed over can be well before it went out when
   * a thousand posts are handed over at once. Sinks that cannot tell leave it uncalled.
   */
  readonly onSent?: () => void;
}

export interface ChatSink {
  readonly platform: string;
  /** Post the digest to the channel (platform channel id or console name); one entry per story posted. */
  deliver(target: string, digest: Digest): Promise<Delivery[]>;
  /** Post one story as its own message; returns the platform message id (thread anchor) or null. */
  postStory?(target: string, story: DigestStory, hooks?: PostHooks): Promise<string | null>;
  /** Post an update as a reply in the thread of the story's earlier message. */
  postUpdate?(target: string, threadMessageId: string, update: StoryUpdate, hooks?: PostHooks): Promise<string | null>;
  /**
   * Resolves when a post to `target` could leave at once (a rate-limiting wrapper's turn has come). The
   * outbox waits here before writing a post's intent, so an intent is not written a second before its
   * post: a crash in that second would leave the story marked "may have been posted" and never post it.
   * Advisory: the post itself still keeps to the limit. `beforeTurn` (say, summarizing the story) runs
   * while waiting, a little before the turn rather than at it, so that work does not hold up the posts of
   * other channels whose turns come at the same time; its failure is left to the caller to meet again.
   */
  whenReady?(target: string, beforeTurn?: () => Promise<unknown>): Promise<void>;
  /**
   * Resolves once no post handed to this sink is waiting to be sent or answered (or after a bound the sink
   * sets). The outbox records a post's message id after this: when a digest goes to 1,000 channels at
   * once, recording the first answers would otherwise delay the posts still queued behind them. A crash in
   * the wait leaves those posts marked "may have been posted": never posted twice, reported instead.
   */
  whenIdle?(): Promise<void>;
  /** Tell the channel that there is nothing new (the console says so; chat platforms stay quiet). */
  nothingNew?(target: string, note: string): Promise<void>;
  stop?(): Promise<void>;
}
