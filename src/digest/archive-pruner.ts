// Deletes the archive past its keep period: articles whose time (activityOf) is older than keepMs on the
// stream's clock, in arrival order, with the post and outbox records of their stories. One call does one
// small batch and returns, so the bot can run it between other work and posting never waits on it.
// Arrival order and article time mostly agree (feeds deliver recent news); an article that arrived after
// a newer one waits until that one expires too, so a batch never scans past the first article it keeps.
// Retired stories only: an article whose story is still active is passed over (see isActive).
import type { ArticleRepository } from '../store/article-repository.ts';
import type { OutboxArchive } from '../store/outbox-repository.ts';
import type { PostArchive, PostRepository } from '../store/post-repository.ts';
import { activityOf } from './newsroom.ts';

export interface ArchivePrunerDeps {
  readonly articles: ArticleRepository;
  readonly posts: PostRepository & PostArchive;
  readonly outbox: OutboxArchive;
  /** Every channel that may have posted (configured and created from chat). */
  readonly channelIds: () => Promise<readonly string[]>;
  /** Keep period (ms); 0 keeps everything. */
  readonly keepMs: number;
  /** The stream's clock (ms): see Newsroom.clock. NaN before any article. */
  readonly clock: () => number;
  /** Whether a story is still active (in the newsroom): its articles and posts are left alone. */
  readonly isActive: (storyId: string) => boolean;
}

export interface PruneResult {
  readonly articles: number;
  readonly stories: number;
  /** False when more may be due: call again (after letting other work run). */
  readonly done: boolean;
}

/** Articles looked at per call. */
export const PRUNE_BATCH = 500;
/**
 * Outbox entries are kept per story version (its article count). A story's posted version is in its post
 * record; a later version that failed or was cut short has an entry without one. Versions this far past the
 * posted one are deleted too.
 */
const UNPOSTED_VERSIONS = 20;

export async function pruneArchive(deps: ArchivePrunerDeps, batch = PRUNE_BATCH): Promise<PruneResult> {
  const clock = deps.clock();
  if (deps.keepMs <= 0 || Number.isNaN(clock)) return { articles: 0, stories: 0, done: true };
  const cutoff = clock - deps.keepMs;
  const from = await deps.articles.archiveFrom();
  const records = await deps.articles.range(from, batch);
  if (records.length === 0) {
    // A window of sequence numbers already deleted (a kill between deleting and saving the position):
    // step over it rather than stop there for good.
    const more = from + batch <= (await deps.articles.lastSeq());
    if (more) await deps.articles.setArchiveFrom(from + batch);
    return { articles: 0, stories: 0, done: !more };
  }
  const expired = [];
  // Passed over for good: articles of a story still active after the whole keep period (a story running
  // for months). Deleting them would delete its post record and re-post it as new; they stay instead.
  let passed = 0;
  for (const record of records) {
    if (!(activityOf(record) < cutoff)) break;
    if (deps.isActive(record.assignment.storyId)) passed += 1;
    else expired.push(record);
  }
  const scanned = expired.length + passed;
  if (scanned === 0) return { articles: 0, stories: 0, done: true };

  // The story's records first, then the article: a crash in between leaves an article whose posts are
  // gone, which the next run deletes; never a post that points at deleted articles forever.
  const stories = [...new Set(expired.map((r) => r.assignment.storyId))];
  for (const channelId of await deps.channelIds()) {
    const outboxEntries: { storyId: string; version: string }[] = [];
    for (const storyId of stories) {
      const posted = Number((await deps.posts.get(channelId, storyId))?.version ?? 0);
      for (let version = 1; version <= posted + UNPOSTED_VERSIONS; version += 1) {
        outboxEntries.push({ storyId, version: String(version) });
      }
    }
    await deps.outbox.forget(channelId, outboxEntries);
    await deps.posts.forget(channelId, stories);
  }
  await deps.articles.remove(expired);
  await deps.articles.setArchiveFrom(records[scanned - 1]!.seq + 1);
  return { articles: expired.length, stories: stories.length, done: scanned < records.length || records.length < batch };
}
