// ChatSink for Slack: one chat.postMessage per story (its ts is the thread anchor), updates in the thread.
import type { Digest, DigestStory } from '../../domain/digest.ts';
import type { ChatSink, Delivery, PostHooks, StoryUpdate } from '../sink.ts';
import type { SlackMessage } from './blocks.ts';
import { SlackDeliveryError } from './errors.ts';
import type { SlackPoster } from './poster.ts';
import { renderSlackStory, renderSlackUpdate } from './render.ts';

export interface SlackSinkOptions {
  readonly poster: Pick<SlackPoster, 'postMessage'> & Partial<Pick<SlackPoster, 'whenIdle'>>;
}

export type SlackSink = ChatSink & Required<Pick<ChatSink, 'postStory' | 'postUpdate'>>;

/**
 * Failures, a 429 included, surface as SlackDeliveryError: the outbox retries them (waiting out
 * Retry-After) through the pacer, which has to see every attempt to keep a channel's spacing.
 */
export function createSlackSink(options: SlackSinkOptions): SlackSink {
  const { poster } = options;
  // A digest posts the same story object to every channel: render it once (and the poster encodes the
  // rendered message once). Keyed weakly, so stories of past digests are dropped with them.
  const rendered = new WeakMap<DigestStory, SlackMessage>();
  const render = (story: DigestStory): SlackMessage => {
    let message = rendered.get(story);
    if (message === undefined) {
      message = renderSlackStory(story);
      rendered.set(story, message);
    }
    return message;
  };

  const post = (channel: string, message: SlackMessage, threadTs?: string, hooks?: PostHooks): Promise<string | null> =>
    poster.postMessage({ channel, message, ...(threadTs === undefined ? {} : { threadTs }), ...(hooks?.onSent === undefined ? {} : { onSent: hooks.onSent }) });

  return {
    platform: 'slack',
    async deliver(target: string, digest: Digest): Promise<Delivery[]> {
      const delivered: Delivery[] = [];
      for (const story of digest.stories) {
        try {
          delivered.push({ storyId: story.id, messageId: await post(target, render(story)) });
        } catch (error) {
          // Report what did go out, so a retry of the digest does not post those stories twice.
          throw error instanceof SlackDeliveryError ? error.withDelivered([...delivered]) : error;
        }
      }
      return delivered;
    },
    postStory(target: string, story: DigestStory, hooks?: PostHooks) {
      return post(target, render(story), undefined, hooks);
    },
    postUpdate(target: string, threadMessageId: string, update: StoryUpdate, hooks?: PostHooks) {
      return post(target, renderSlackUpdate(update), threadMessageId, hooks);
    },
    whenIdle: async () => {
      await poster.whenIdle?.();
    },
    // Chat channels stay quiet when nothing is new (the console says so; a Slack message would be noise).
  };
}
