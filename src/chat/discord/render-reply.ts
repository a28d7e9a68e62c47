// Command replies and multi-story digests as Discord messages: text and items as escaped content,
// stories as embeds, split over several messages when they pass 10 embeds or 6,000 characters.
import type { APIEmbed } from 'discord.js';
import type { Digest } from '../../domain/digest.ts';
import type { CommandReply } from '../../commands/types.ts';
import { embedLength } from './embed-parts.ts';
import { escapeInline, escapeReplyText, truncate } from './escape.ts';
import { DISCORD_LIMITS, NO_MENTIONS } from './limits.ts';
import { renderDiscordStory, type DiscordMessage } from './render.ts';

// A long feed list continues over a few messages; past that the reply says how many were left out,
// so one command can never flood a channel.
export const MAX_TEXT_MESSAGES = 4;

/** A command reply as one or more messages (the first edits the deferred reply, the rest follow up). */
export function renderDiscordReply(reply: CommandReply): DiscordMessage[] {
  const lines: string[] = [];
  if (reply.text !== undefined && reply.text.trim() !== '') lines.push(...escapeReplyText(reply.text.trim()).split('\n'));
  for (const item of reply.items ?? []) lines.push(`• ${escapeInline(item)}`);
  const chunks = chunkLines(lines, DISCORD_LIMITS.content, MAX_TEXT_MESSAGES);
  const embeds = (reply.stories ?? []).flatMap((story) => renderDiscordStory(story).embeds);
  const messages = attachEmbeds(chunks, embeds);
  return messages.length > 0 ? messages : [message('Done.', [])];
}

/** A whole digest as few messages as Discord allows (for previews; the sink posts one per story). */
export function renderDiscordDigest(digest: Digest): DiscordMessage[] {
  if (digest.stories.length === 0) return [message('No stories yet.', [])];
  const count = digest.stories.length;
  const head = `news-digest: ${count} stor${count === 1 ? 'y' : 'ies'}`;
  return attachEmbeds([head], digest.stories.flatMap((story) => renderDiscordStory(story).embeds));
}

/** Group embeds in order into messages of at most 10 embeds and 6,000 counted characters. */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length >= DISCORD_LIMITS.embedsPerMessage || size + length > DISCORD_LIMITS.embedTotal)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function attachEmbeds(chunks: readonly string[], embeds: readonly APIEmbed[]): DiscordMessage[] {
  const groups = packEmbeds(embeds);
  const messages = chunks.map((chunk) => message(chunk, []));
  const last = messages.pop();
  const [first, ...rest] = groups;
  if (last !== undefined) messages.push(message(last.content, first ?? []));
  else if (first !== undefined) messages.push(message('', first));
  for (const group of rest) messages.push(message('', group));
  return messages;
}

/** Lines packed into chunks of at most `limit` characters; a single overlong line is cut. */
export function chunkLines(lines: readonly string[], limit: number, maxChunks: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const line = truncate(lines[i] ?? '', limit);
    if (current !== '' && current.length + 1 + line.length > limit) {
      if (chunks.length === maxChunks - 1) {
        // Last allowed chunk: say how many lines did not make it instead of silently dropping them.
        chunks.push(withRestNote(current.split('\n'), lines.length - i, limit));
        return chunks;
      }
      chunks.push(current);
      current = line;
    } else {
      current = current === '' ? line : `${current}\n${line}`;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** The kept lines and "… and N more", dropping kept lines (and counting them) until it fits. */
function withRestNote(kept: string[], left: number, limit: number): string {
  let remaining = left;
  const note = () => `… and ${remaining} more`;
  while (kept.length > 1 && kept.join('\n').length + 1 + note().length > limit) {
    kept.pop();
    remaining++;
  }
  const body = truncate(kept.join('\n'), limit - 1 - note().length);
  return `${body}\n${note()}`;
}

function message(content: string, embeds: APIEmbed[]): DiscordMessage {
  return { content, embeds, allowedMentions: NO_MENTIONS };
}
