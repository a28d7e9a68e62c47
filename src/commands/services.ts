// What the command handlers need from the rest of the bot, as plain functions (easy to fake in tests).
import type { DigestStory } from '../domain/digest.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import type { ChannelRepository } from '../store/channel-repository.ts';
import type { FeedRepository } from '../store/feed-repository.ts';

export interface FeedHealthView {
  readonly lastSuccess: string | null;
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
}

export interface CommandServices {
  /** Every active story (those the digests draw from). */
  stories(): readonly StoryMaterial[];
  /** Retired stories that may match a query, from the archive (absent: the bot keeps no archive). */
  archivedStories?(query: string): Promise<readonly StoryMaterial[]>;
  /** Summarize and number one story for display. */
  present(material: StoryMaterial): Promise<DigestStory>;
  /** Internal channel id for a platform channel (a configured channel, or one created on first use). */
  resolveChannel(platform: 'slack' | 'discord' | 'console', target: string): Promise<string>;
  /** Post the channel's digest now, through the normal delivery path; returns how many stories went out. */
  postDigestNow(channelId: string): Promise<number>;
  /** The stories the channel's next digest would post, without posting them. */
  previewDigest(channelId: string): Promise<readonly DigestStory[]>;
  readonly feeds: FeedRepository;
  feedHealth(url: string): Promise<FeedHealthView | undefined>;
  /** Fetch and parse a feed before it is saved; throws a UserError saying what is wrong. */
  validateFeed(url: string): Promise<{ title: string; items: number }>;
  readonly channels: ChannelRepository;
  /** Called after a channel's schedule, quiet hours or size changed, so the scheduler picks it up. */
  settingsChanged(channelId: string): Promise<void>;
  now(): Date;
}
