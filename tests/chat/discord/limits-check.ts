// Assertions shared by the renderer tests: Discord's limits and "no live mention" on a message.
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { embedLength } from '../../../src/chat/discord/embed-parts.ts';
import { DISCORD_LIMITS } from '../../../src/chat/discord/limits.ts';
import type { DiscordMessage } from '../../../src/chat/discord/render.ts';

/** Text a reader would see as a mention: escaped pairs (\<) are removed first, since they show literally. */
export function liveMentions(text: string): string[] {
  const unescaped = text.replace(/\\[^A-Za-z0-9\s]/g, '');
  return [...unescaped.matchAll(/@(everyone|here)|<@[!&]?\d+>|<#\d+>/gi)].map((m) => m[0]);
}

export function embedTexts(embed: APIEmbed): string[] {
  return [
    embed.title ?? '',
    embed.description ?? '',
    embed.footer?.text ?? '',
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
  ];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function expectWithinLimits(message: DiscordMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  const total = message.embeds.reduce((sum, e) => sum + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  }
  for (const text of [message.content, ...message.embeds.flatMap(embedTexts)]) {
    expect(liveMentions(text)).toEqual([]);
    // A lone surrogate is invalid UTF-16 and Discord rejects the payload.
    expect(LONE_SURROGATE.test(text)).toBe(false);
  }
}
