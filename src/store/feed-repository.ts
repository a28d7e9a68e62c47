// Feeds added from chat (/feeds add), with who added them. Feeds in the config file are not stored
// here; the poller reads both. Ids are short and stable so `/feeds remove <id>` is easy to type.
import type Keyv from 'keyv';
import { stableId } from '../domain/ids.ts';

export interface FeedRecord {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

export interface FeedRepository {
  list(): Promise<FeedRecord[]>;
  add(url: string, title: string, addedBy: string, addedAt: string): Promise<FeedRecord>;
  /** Removes by id (or URL); returns the removed record, or undefined when none matched. */
  remove(idOrUrl: string): Promise<FeedRecord | undefined>;
}

const KEY = 'feeds';

export function feedId(url: string): string {
  return stableId('f-', url).slice(0, 8);
}

export function createFeedRepository(keyv: Keyv): FeedRepository {
  const load = async () => (await keyv.get<FeedRecord[]>(KEY)) ?? [];
  return {
    list: load,
    async add(url, title, addedBy, addedAt) {
      const feeds = await load();
      const existing = feeds.find((f) => f.url === url);
      if (existing !== undefined) return existing;
      const record: FeedRecord = { id: feedId(url), url, title, addedBy, addedAt };
      await keyv.set(KEY, [...feeds, record]);
      return record;
    },
    async remove(idOrUrl) {
      const feeds = await load();
      const removed = feeds.find((f) => f.id === idOrUrl || f.url === idOrUrl);
      if (removed !== undefined) await keyv.set(KEY, feeds.filter((f) => f !== removed));
      return removed;
    },
  };
}
