// ChatSink for Discord over discord.js's REST client: one message per story, updates in a thread on
// the story's message. The REST client queues per route and retries 429s after Retry-After, so the
// sink never sleeps itself; anything else becomes a DiscordDeliveryError.
import { RESTJSONErrorCodes, Routes, type APIChannel, type APIMessage, type REST } from 'discord.js';
import type { DigestStory } from '../../domain/digest.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ChatSink, Delivery, StoryUpdate } from '../sink.ts';
import { DiscordDeliveryError, toDiscordError } from './errors.ts';
import { truncate, wellFormed } from './escape.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { renderDiscordStory, renderDiscordUpdate, type DiscordMessage } from './render.ts';

export interface DiscordSinkOptions {
  /** discord.js REST with its token set; `client.rest` of a logged-in Client works too. */
  readonly rest: REST;
  readonly logger?: Logger;
  /** Minutes of inactivity before Discord hides a story thread (60, 1440, 4320 or 10080). */
  readonly threadArchiveMinutes?: 60 | 1440 | 4320 | 10080;
}

export function createDiscordSink(options: DiscordSinkOptions): ChatSink {
  const { rest } = options;
  const archive = options.threadArchiveMinutes ?? 1440;

  async function send(channel: string, message: DiscordMessage, action: string): Promise<string> {
    try {
      const body = {
        ...(message.content === '' ? {} : { content: message.content }),
        embeds: message.embeds,
        // The REST body is Discord's own JSON, hence snake_case here.
        allowed_mentions: { parse: [] },
      };
      const posted = (await rest.post(Routes.channelMessages(channel), { body })) as APIMessage;
      return posted.id;
    } catch (error) {
      throw toDiscordError(error, channel, action);
    }
  }

  async function postStory(target: string, story: DigestStory): Promise<string> {
    return send(target, renderDiscordStory(story), `posting story ${story.id}`);
  }

  /**
   * A thread started from a message has the message's id, so the thread is found again without
   * storing anything. Starting it a second time fails with 160004, which means "it is already there".
   */
  async function ensureThread(target: string, messageId: string, story: DigestStory): Promise<string> {
    try {
      const name = truncate(wellFormed(story.headline).replace(/\s+/g, ' ').trim(), DISCORD_LIMITS.threadName) || 'Story updates';
      const thread = (await rest.post(Routes.threads(target, messageId), {
        body: { name, auto_archive_duration: archive },
      })) as APIChannel;
      return thread.id;
    } catch (error) {
      const typed = toDiscordError(error, target, `starting the thread for story ${story.id}`);
      if (typed.discordCode === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return messageId;
      throw typed;
    }
  }

  return {
    platform: 'discord',
    async deliver(target, digest): Promise<Delivery[]> {
      const delivered: Delivery[] = [];
      // One at a time and in rank order: the channel shows the stories in the order the digest chose.
      for (const story of digest.stories) {
        try {
          delivered.push({ storyId: story.id, messageId: await postStory(target, story) });
        } catch (error) {
          const typed = error instanceof DiscordDeliveryError ? error : toDiscordError(error, target, 'posting a digest');
          throw typed.withDelivered(delivered);
        }
      }
      options.logger?.info(`discord: posted ${delivered.length} stor${delivered.length === 1 ? 'y' : 'ies'} to ${target}`);
      return delivered;
    },
    postStory,
    async postUpdate(target, threadMessageId, update: StoryUpdate) {
      const threadId = await ensureThread(target, threadMessageId, update.story);
      return send(threadId, renderDiscordUpdate(update), `posting an update to story ${update.story.id}`);
    },
    // Chat channels stay quiet when nothing is new; the console is the one that says so.
    async nothingNew() {},
  };
}
