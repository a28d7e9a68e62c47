// The delivery outbox: one entry per (channel, story, version). The intent is written before the
// platform call and the platform's message id after it, so a crash between the two is visible on the
// next run: such an entry is never posted again (at most once) and is reported instead.
import type Keyv from 'keyv';

/**
 * 'uncertain': the post left and no answer came back (the connection dropped, the answer timed out), so the
 * message may be in the channel; like an interrupted 'sending', it is never posted again.
 */
export type OutboxState = 'sending' | 'sent' | 'failed' | 'uncertain';

export interface OutboxEntry {
  readonly channelId: string;
  readonly storyId: string;
  readonly version: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly messageId: string | null;
  readonly updatedAt: string;
  readonly lastError?: string;
}

export interface OutboxRepository {
  get(channelId: string, storyId: string, version: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
}

/** What the archive pruner needs besides: deleting the entries of stories that expired. */
export interface OutboxArchive {
  forget(channelId: string, entries: readonly { storyId: string; version: string }[]): Promise<void>;
}

const key = (channelId: string, storyId: string, version: string) => `outbox:${channelId}:${storyId}:${version}`;

export function createOutboxRepository(keyv: Keyv): OutboxRepository & OutboxArchive {
  return {
    get: async (channelId, storyId, version) => (await keyv.get<OutboxEntry>(key(channelId, storyId, version))) ?? undefined,
    put: async (entry) => {
      await keyv.set(key(entry.channelId, entry.storyId, entry.version), entry);
    },
    forget: async (channelId, entries) => {
      if (entries.length > 0) await keyv.deleteMany(entries.map((e) => key(channelId, e.storyId, e.version)));
    },
  };
}
