// ChatSink for Slack: one chat.postMessage per story (its ts is the thread anchor), updates in the thread.
import type { webApi } from '@slack/bolt';
import type { Digest, DigestStory } from '../../domain/digest.ts';
import type { ChatSink, Delivery, StoryUpdate } from '../sink.ts';
import type { SlackMessage } from './blocks.ts';
import { SlackDeliveryError, toSlackDeliveryError } from './errors.ts';
import { renderSlackStory, renderSlackUpdate } from './render.ts';

/** The part of WebClient the sink uses; app.ts passes bolt's client, configured for 429 retries. */
export type SlackPostClient = Pick<webApi.WebClient, 'chat'>;

export interface SlackSinkOptions {
  readonly client: SlackPostClient;
}

export type SlackSink = ChatSink & Required<Pick<ChatSink, 'postStory' | 'postUpdate'>>;

/**
 * Rate limits: the WebClient waits out a 429's Retry-After and retries (its retryConfig), so the sink sees
 * either success or a failure worth reporting. Failures surface as SlackDeliveryError for the outbox.
 */
export function createSlackSink(options: SlackSinkOptions): SlackSink {
  const { client } = options;

  async function post(channel: string, message: SlackMessage, threadTs?: string): Promise<string | null> {
    try {
      const response = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: [...message.blocks],
        // Story messages carry many links; Slack's previews would bury the summary under cards.
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      });
      return response.ts ?? null;
    } catch (error) {
      throw toSlackDeliveryError(error, channel);
    }
  }

  return {
    platform: 'slack',
    async deliver(target: string, digest: Digest): Promise<Delivery[]> {
      const delivered: Delivery[] = [];
      for (const story of digest.stories) {
        try {
          delivered.push({ storyId: story.id, messageId: await post(target, renderSlackStory(story)) });
        } catch (error) {
          // Report what did go out, so a retry of the digest does not post those stories twice.
          throw error instanceof SlackDeliveryError ? error.withDelivered([...delivered]) : error;
        }
      }
      return delivered;
    },
    postStory(target: string, story: DigestStory) {
      return post(target, renderSlackStory(story));
    },
    postUpdate(target: string, threadMessageId: string, update: StoryUpdate) {
      return post(target, renderSlackUpdate(update), threadMessageId);
    },
    // Chat channels stay quiet when nothing is new (the console says so; a Slack message would be noise).
  };
}
