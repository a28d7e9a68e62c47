// What has been posted where: one record per (channel, story) with the story version last posted.
// A story is posted again only when it changed (new articles), so a restart re-posts nothing.
import type Keyv from 'keyv';

export interface PostRecord {
  readonly channelId: string;
  readonly storyId: string;
  /** Version of the story when posted: see storyVersion(). */
  readonly version: string;
  readonly articleIds: readonly string[];
  readonly postedAt: string;
  /** The platform's message id of the story's first post: updates go into its thread. */
  readonly messageId: string | null;
  /** Summary sentences posted so far, so an update can carry only what is new. */
  readonly sentences?: readonly string[];
}

export interface PostRepository {
  get(channelId: string, storyId: string): Promise<PostRecord | undefined>;
  record(post: PostRecord): Promise<void>;
}

/** What the archive pruner needs besides: deleting the records of stories that expired. */
export interface PostArchive {
  forget(channelId: string, storyIds: readonly string[]): Promise<void>;
}

/** A story's version is the number of its articles: stories only grow, so the count identifies it. */
export function storyVersion(articleIds: readonly string[]): string {
  return String(articleIds.length);
}

const key = (channelId: string, storyId: string) => `post:${channelId}:${storyId}`;

export function createPostRepository(keyv: Keyv): PostRepository & PostArchive {
  return {
    get: async (channelId, storyId) => (await keyv.get<PostRecord>(key(channelId, storyId))) ?? undefined,
    record: async (post) => {
      await keyv.set(key(post.channelId, post.storyId), post);
    },
    forget: async (channelId, storyIds) => {
      if (storyIds.length > 0) await keyv.deleteMany(storyIds.map((storyId) => key(channelId, storyId)));
    },
  };
}
