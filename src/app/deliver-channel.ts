// Post to one channel the stories it has not seen in their current version, through the outbox:
// intent, post (with retries), record. A story already posted gets an update in its thread with only
// what is new. One failing story is logged and does not stop the others.
import { mayHaveBeenPosted, type ChatSink, type StoryUpdate } from '../chat/sink.ts';
import { buildDigest, buildDigestStory, isShowable } from '../digest/build-digest.ts';
import { rankStories } from '../digest/rank-stories.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import type { DigestStory } from '../domain/digest.ts';
import type { Logger } from '../ops/logger.ts';
import type { OutboxRepository } from '../store/outbox-repository.ts';
import { storyVersion, type PostRecord, type PostRepository } from '../store/post-repository.ts';
import type { Summarizer, SummaryBudget } from '../summarize/types.ts';
import { withRetries, type RetryDeps } from './retry.ts';
import { storyUpdate } from './story-update.ts';

export interface DeliveryChannel {
  readonly id: string;
  /** Platform channel id (console: a name). */
  readonly target: string;
  readonly size: number;
}

export interface DeliverDeps {
  readonly posts: PostRepository;
  readonly outbox: OutboxRepository;
  readonly summarizer: Summarizer;
  readonly budget: SummaryBudget;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly retry: RetryDeps;
  /** Summarize and number a story; shared across channels so 1,000 channels summarize a story once. */
  readonly present?: (material: StoryMaterial) => Promise<DigestStory>;
}

export interface DeliverResult {
  readonly posted: number;
  /** Stories already posted in their current version. */
  readonly unchanged: number;
  readonly failed: number;
  /** Posts interrupted by a crash between the platform call and its record: not repeated. */
  readonly uncertain: number;
}

/** Stories the channel has not seen in their current version, best first, at most `size`. */
export async function pendingStories(
  channel: DeliveryChannel,
  stories: readonly StoryMaterial[],
  posts: PostRepository,
  now: Date,
): Promise<{ pending: StoryMaterial[]; unchanged: number }> {
  const counts = { unchanged: 0 };
  const pending: StoryMaterial[] = [];
  for await (const { material } of inTurn(channel, stories, posts, counts, now)) pending.push(material);
  return { pending, unchanged: counts.unchanged };
}

/**
 * The stories the channel has not seen in their current version, best first, at most `size`, each with
 * its earlier post record (if any). Each story's record is read only when the iteration reaches it, so a
 * caller posting story by story waits for one read before its first post, not one per story: with 1,000
 * channels at once, every read before a first post delays all first posts. `counts.unchanged` counts the
 * stories already posted in their current version, all of them once the iteration ends.
 */
async function* inTurn(
  channel: DeliveryChannel,
  stories: readonly StoryMaterial[],
  posts: PostRepository,
  counts: { unchanged: number },
  now: Date,
): AsyncGenerator<{ material: StoryMaterial; record: PostRecord | undefined }> {
  let taken = 0;
  for (const material of rankedStories(stories, now)) {
    const record = await posts.get(channel.id, material.story.id);
    if (record?.version === storyVersion(material.story.articleIds)) {
      counts.unchanged += 1;
      continue;
    }
    // Past the channel's size the story waits for the next digest; it still counts as not unchanged.
    if (taken >= channel.size) continue;
    taken += 1;
    yield { material, record };
  }
}

export async function deliverToChannel(
  channel: DeliveryChannel,
  sink: ChatSink,
  stories: readonly StoryMaterial[],
  deps: DeliverDeps,
): Promise<DeliverResult> {
  if (sink.postStory === undefined) {
    const { pending, unchanged } = await pendingStories(channel, stories, deps.posts, deps.now());
    if (pending.length === 0) return nothingNew(channel, sink, unchanged);
    return deliverBatch(channel, sink, pending, unchanged, deps);
  }
  // Story by story, best first, each story's record read when its turn comes.
  const counts = { unchanged: 0 };
  let posted = 0;
  let failed = 0;
  let uncertain = 0;
  let taken = 0;
  for await (const { material, record } of inTurn(channel, stories, deps.posts, counts, deps.now())) {
    taken += 1;
    const outcome = await deliverStory(channel, sink, material, record, deps);
    if (outcome === 'posted') posted += 1;
    else if (outcome === 'failed') failed += 1;
    else if (outcome === 'uncertain') uncertain += 1;
  }
  if (taken === 0) return nothingNew(channel, sink, counts.unchanged);
  return { posted, unchanged: counts.unchanged, failed, uncertain };
}

/** Story orders kept; old ones are dropped first (a Map iterates in insertion order). */
const RANKED_LIMIT = 100;
const rankedOrders = new Map<string, readonly string[]>();

/**
 * rankStories, remembered per set of story versions and minute: a digest slot delivers the same stories
 * to every channel, and ranking them (sets and sorts over each story's articles) for each of 1,000 channels
 * cost about 10 ms before the first post. A story's version identifies its articles (stories only grow),
 * and the ranking reads nothing else but the time, which moves a score by under 0.1% in a minute.
 */
export function rankedStories(stories: readonly StoryMaterial[], now: Date): StoryMaterial[] {
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${minute}\n${stories.map((m) => `${m.story.id}@${storyVersion(m.story.articleIds)}`).join('\n')}`;
  const order = rankedOrders.get(key);
  if (order !== undefined) {
    const byId = new Map(stories.map((m) => [m.story.id, m]));
    return order.map((id) => byId.get(id)!);
  }
  const ranked = rankStories(stories, new Date(minute * 60_000));
  rankedOrders.set(key, ranked.map((m) => m.story.id));
  if (rankedOrders.size > RANKED_LIMIT) rankedOrders.delete(rankedOrders.keys().next().value ?? key);
  return ranked;
}

async function nothingNew(channel: DeliveryChannel, sink: ChatSink, unchanged: number): Promise<DeliverResult> {
  const what = unchanged === 1 ? '1 story' : `${unchanged} stories`;
  await sink.nothingNew?.(channel.target, `nothing new since the last digest (${what} already posted; 'news-digest digest' shows them all)`);
  return { posted: 0, unchanged, failed: 0, uncertain: 0 };
}

/** Sinks without per-story messages (the console) print the digest in one go. */
async function deliverBatch(
  channel: DeliveryChannel,
  sink: ChatSink,
  pending: StoryMaterial[],
  unchanged: number,
  deps: DeliverDeps,
): Promise<DeliverResult> {
  const digest = await buildDigest(pending, { ...deps, size: channel.size, now: deps.now() });
  const deliveries = await sink.deliver(channel.target, digest);
  const byId = new Map(digest.stories.map((s) => [s.id, s]));
  const materials = new Map(pending.map((m) => [m.story.id, m]));
  for (const delivery of deliveries) {
    const story = byId.get(delivery.storyId);
    const material = materials.get(delivery.storyId);
    if (story !== undefined && material !== undefined) {
      await deps.posts.record(postRecord(channel, material, story, delivery.messageId, deps.now()));
    }
  }
  return { posted: deliveries.length, unchanged, failed: 0, uncertain: 0 };
}

type Outcome = 'posted' | 'skipped' | 'failed' | 'uncertain';

async function deliverStory(
  channel: DeliveryChannel,
  sink: ChatSink,
  material: StoryMaterial,
  previous: PostRecord | undefined,
  deps: DeliverDeps,
): Promise<Outcome> {
  const version = storyVersion(material.story.articleIds);
  const storyId = material.story.id;
  // A post is coming: wait for the channel's turn (a second after its previous post) before reading the
  // outbox and writing the intent, not after. An intent written a second early would, after a crash in
  // that second, read as "may have been posted" and the story would never be posted. The summary is made
  // while waiting, shortly before the turn (whenReady's beforeTurn): computed once, by the first channel to
  // need it, it then neither runs inside the wave of first posts nor holds up the channels whose turns come
  // just after that channel's. An earlier post of the story may make the update empty: that takes the
  // summary to know, and needs no turn.
  let summary: Promise<DigestStory> | undefined;
  const summarize = () => (summary ??= (deps.present ?? ((m: StoryMaterial) => buildDigestStory(m, deps)))(material));
  if (previous === undefined) await sink.whenReady?.(channel.target, summarize);
  const story = await summarize();
  // Nothing to say yet (no headline or summary sentence): not posted, and not recorded, so it is
  // posted once an article with real text joins the story.
  if (previous === undefined && !isShowable(story)) return 'skipped';
  const anchor = previous?.messageId ?? null;
  const update = previous === undefined ? null : storyUpdate(material, story, previous);
  if (update !== null) await sink.whenReady?.(channel.target);
  const entry = await deps.outbox.get(channel.id, storyId, version);

  if (entry?.state === 'sent' || entry?.state === 'sending' || entry?.state === 'uncertain') {
    // 'sent': the record below was lost in a crash; 'sending': the platform call may have gone out.
    // Either way posting again could duplicate the message, so record it and move on.
    if (entry.state === 'sending') {
      deps.logger.warn(`channel ${channel.id}: story ${storyId} v${version} may have been posted before a crash; not posting it again`);
    }
    await deps.posts.record(postRecord(channel, material, story, anchor ?? entry.messageId, deps.now()));
    // An uncertain entry keeps saying so: the operator's record that this post may be missing.
    if (entry.state !== 'uncertain') await deps.outbox.put({ ...entry, state: 'sent', updatedAt: deps.now().toISOString() });
    // 'uncertain' was counted and logged when it happened; here its post record was lost in a crash.
    return entry.state === 'sending' ? 'uncertain' : 'skipped';
  }

  if (previous !== undefined && update === null) {
    // The story grew without anything new to say (say, one more rewrite): remember the version only.
    await deps.posts.record(postRecord(channel, material, story, anchor, deps.now(), previous));
    return 'skipped';
  }
  const intent = {
    channelId: channel.id,
    storyId,
    version,
    attempts: (entry?.attempts ?? 0) + 1,
    messageId: null,
    updatedAt: deps.now().toISOString(),
  };
  await deps.outbox.put({ ...intent, state: 'sending' });
  let messageId: string | null;
  try {
    messageId = await withRetries(
      () =>
        update !== null && anchor !== null && sink.postUpdate !== undefined
          ? sink.postUpdate(channel.target, anchor, update)
          : (sink.postStory?.(channel.target, story) ?? Promise.resolve(null)),
      deps.retry,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (mayHaveBeenPosted(error)) {
      // The post left and no answer came: it may be in the channel, and posting again could double it.
      // Recorded as uncertain in the outbox and as posted, so the next digest treats the story as posted.
      await deps.outbox.put({ ...intent, state: 'uncertain', lastError: reason, updatedAt: deps.now().toISOString() });
      await deps.posts.record(postRecord(channel, material, story, anchor, deps.now(), previous, update));
      deps.logger.warn(`channel ${channel.id} (${channel.target}): story ${storyId} v${version} may have been posted (${reason}); not posting it again`);
      return 'uncertain';
    }
    await deps.outbox.put({ ...intent, state: 'failed', lastError: reason, updatedAt: deps.now().toISOString() });
    deps.logger.error(`channel ${channel.id}: posting story ${storyId} failed`, error);
    return 'failed';
  }
  // Outside the try: once the platform has the message, a failure to record it must not read as
  // "not posted" (that would post it again); the entry stays 'sending' and the next run sees it. Recorded
  // once the sink has no posts waiting (whenIdle), so that recording does not delay other channels' posts.
  await sink.whenIdle?.();
  await deps.outbox.put({ ...intent, state: 'sent', messageId, updatedAt: deps.now().toISOString() });
  await deps.posts.record(postRecord(channel, material, story, anchor ?? messageId, deps.now(), previous, update));
  return 'posted';
}

function postRecord(
  channel: DeliveryChannel,
  material: StoryMaterial,
  story: DigestStory,
  messageId: string | null,
  now: Date,
  previous?: PostRecord,
  update?: StoryUpdate | null,
): PostRecord {
  const sentences = [...new Set([...(previous?.sentences ?? []), ...(update?.newSentences ?? story.summary).map((s) => s.text)])];
  return {
    channelId: channel.id,
    storyId: material.story.id,
    version: storyVersion(material.story.articleIds),
    articleIds: [...material.story.articleIds],
    postedAt: now.toISOString(),
    messageId,
    sentences,
  };
}
