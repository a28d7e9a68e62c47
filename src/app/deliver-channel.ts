// Post to one channel the stories it has not seen in their current version, then remember them.
import type { ChannelConfig } from '../config/schema.ts';
import type { ChatSink } from '../chat/sink.ts';
import { buildDigest } from '../digest/build-digest.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import { storyVersion, type PostRepository } from '../store/post-repository.ts';
import type { Summarizer, SummaryBudget } from '../summarize/types.ts';

export interface DeliverDeps {
  readonly posts: PostRepository;
  readonly summarizer: Summarizer;
  readonly budget: SummaryBudget;
  readonly now: () => Date;
}

export interface DeliverResult {
  readonly posted: number;
  /** Stories already posted in their current version. */
  readonly unchanged: number;
}

export async function deliverToChannel(
  channel: ChannelConfig,
  sink: ChatSink,
  stories: readonly StoryMaterial[],
  deps: DeliverDeps,
): Promise<DeliverResult> {
  const pending: StoryMaterial[] = [];
  for (const material of stories) {
    const posted = await deps.posts.get(channel.id, material.story.id);
    if (posted?.version !== storyVersion(material.story.articleIds)) pending.push(material);
  }
  const unchanged = stories.length - pending.length;
  const target = channel.target ?? channel.id;
  if (pending.length === 0) {
    const what = unchanged === 1 ? '1 story' : `${unchanged} stories`;
    await sink.nothingNew?.(target, `nothing new since the last digest (${what} already posted; 'news-digest digest' shows them all)`);
    return { posted: 0, unchanged };
  }
  const digest = await buildDigest(pending, { ...deps, size: channel.size, now: deps.now() });
  const deliveries = await sink.deliver(target, digest);
  const byId = new Map(pending.map((m) => [m.story.id, m]));
  for (const delivery of deliveries) {
    const material = byId.get(delivery.storyId);
    if (material === undefined) continue;
    await deps.posts.record({
      channelId: channel.id,
      storyId: delivery.storyId,
      version: storyVersion(material.story.articleIds),
      articleIds: [...material.story.articleIds],
      postedAt: deps.now().toISOString(),
      messageId: delivery.messageId,
    });
  }
  return { posted: deliveries.length, unchanged };
}
