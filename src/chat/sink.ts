// The port every chat platform implements: deliver one digest to one channel.
import type { Digest } from '../domain/digest.ts';

export interface Delivery {
  readonly storyId: string;
  /** The platform's message id, or null where the platform has none (the console). */
  readonly messageId: string | null;
}

export interface ChatSink {
  readonly platform: string;
  /** Post the digest to the channel (platform channel id or console name); one entry per story posted. */
  deliver(target: string, digest: Digest): Promise<Delivery[]>;
  /** Tell the channel that there is nothing new (the console says so; chat platforms stay quiet). */
  nothingNew?(target: string, note: string): Promise<void>;
  stop?(): Promise<void>;
}
