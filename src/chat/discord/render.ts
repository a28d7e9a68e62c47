// Pure Discord renderers: a story as one embed, an update with only what is new. Every text that came
// from a feed is escaped; every message forbids mentions; every embed fits Discord's limits, with the
// 6,000-character total enforced here because discord.js does not check it.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { DigestStory } from '../../domain/digest.ts';
import type { StoryUpdate } from '../sink.ts';
import { coverageLabel, timeLabel } from '../story-labels.ts';
import { citedText, embedLength, listWithRest, sourceFields } from './embed-parts.ts';
import { escapeInline, safeUrl, truncate } from './escape.ts';
import { DISCORD_LIMITS, NO_MENTIONS } from './limits.ts';

export interface DiscordMessage {
  /** Plain-text fallback shown in notifications; '' when the embeds say it all. */
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly allowedMentions: typeof NO_MENTIONS;
}

/** A sentence reported by one outlet only; DigestStory may carry these later (see hasOnlyHere). */
export interface OnlyHereLine {
  readonly source: string;
  readonly text: string;
}

export const STORY_COLOR = 0x2b6cb0;
export const UPDATE_COLOR = 0x38a169;
// Summary sources keep at least this much room when the summary is long, so citations stay visible.
const SOURCE_RESERVE = 1500;
// The notification line is a hint, not the story: short enough to read on a lock screen.
const NOTIFICATION_LENGTH = 200;
const ONLY_HERE_NAME = 'Single-source reports';

/** A story as one message: headline, cited summary, one field per source, coverage in the footer. */
export function renderDiscordStory(story: DigestStory): DiscordMessage {
  const title = truncate(escapeInline(story.headline), DISCORD_LIMITS.title) || 'Untitled story';
  const footer = truncate(footerText(story), DISCORD_LIMITS.footer);
  const fixed = title.length + footer.length;
  const onlyHere = onlyHereField(story, Math.min(DISCORD_LIMITS.fieldValue, 600));
  const wanted = sourceFields(story.sources, Number.POSITIVE_INFINITY);
  const wantedFields = wanted.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  const onlyHereSize = onlyHere === null ? 0 : onlyHere.name.length + onlyHere.value.length;
  const reserve = Math.min(wantedFields, SOURCE_RESERVE) + onlyHereSize;
  const descriptionLimit = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - fixed - reserve);
  const description = citedText(story.summary, story.sources, descriptionLimit);
  const fieldBudget = DISCORD_LIMITS.embedTotal - fixed - description.length - onlyHereSize;
  const fields: APIEmbedField[] = [
    ...(onlyHere === null ? [] : [onlyHere]),
    ...sourceFields(story.sources, fieldBudget, onlyHere === null ? 0 : 1),
  ];
  const url = firstUrl(story);
  const embed: APIEmbed = {
    title,
    color: STORY_COLOR,
    ...(url === null ? {} : { url }),
    ...(description === '' ? {} : { description }),
    ...(fields.length === 0 ? {} : { fields }),
    footer: { text: footer },
  };
  return {
    content: truncate(`📰 ${escapeInline(story.headline)}`, NOTIFICATION_LENGTH),
    embeds: [fitEmbed(embed)],
    allowedMentions: NO_MENTIONS,
  };
}

/** An update for the story's thread: "+2 sources: A, B" and the new sentences, nothing repeated. */
export function renderDiscordUpdate(update: StoryUpdate): DiscordMessage {
  const { story } = update;
  const added = story.sources.filter((s) => update.newSources.includes(s.n));
  const names = added.map((s) => s.article.source);
  const content = added.length === 0
    ? 'New details'
    : listWithRest(`+${added.length} source${added.length === 1 ? '' : 's'}: `, names, NOTIFICATION_LENGTH);
  const footer = truncate(`now ${coverageLabel(story)}`, DISCORD_LIMITS.footer);
  const wanted = sourceFields(added, Number.POSITIVE_INFINITY);
  const reserve = Math.min(wanted.reduce((sum, f) => sum + f.name.length + f.value.length, 0), SOURCE_RESERVE);
  const descriptionLimit = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - footer.length - reserve);
  const description = citedText(update.newSentences, story.sources, descriptionLimit);
  const fields = sourceFields(added, DISCORD_LIMITS.embedTotal - footer.length - description.length);
  const embed: APIEmbed = {
    color: UPDATE_COLOR,
    ...(description === '' ? {} : { description }),
    ...(fields.length === 0 ? {} : { fields }),
    footer: { text: footer },
  };
  return { content, embeds: [fitEmbed(embed)], allowedMentions: NO_MENTIONS };
}

/** Whether a story carries the optional only-here lines (a field DigestStory may gain later). */
export function hasOnlyHere(story: DigestStory): story is DigestStory & { readonly onlyHere: readonly OnlyHereLine[] } {
  const value = (story as { onlyHere?: unknown }).onlyHere;
  return (
    Array.isArray(value) &&
    value.every((line: unknown) => {
      if (typeof line !== 'object' || line === null) return false;
      const { source, text } = line as Record<string, unknown>;
      return typeof source === 'string' && typeof text === 'string';
    })
  );
}

function onlyHereField(story: DigestStory, limit: number): APIEmbedField | null {
  if (!hasOnlyHere(story) || story.onlyHere.length === 0) return null;
  const lines: string[] = [];
  let used = 0;
  for (const line of story.onlyHere) {
    // Same wording as the console and Slack: "Only <outlet> reports: <fact>".
    const text = truncate(`Only ${escapeInline(line.source)} reports: ${escapeInline(line.text)}`, 300);
    if (used + text.length + 1 > limit) break;
    lines.push(text);
    used += text.length + 1;
  }
  if (lines.length === 0) return null;
  return { name: ONLY_HERE_NAME, value: lines.join('\n') };
}

function footerText(story: DigestStory): string {
  const time = timeLabel(story);
  return time === null ? coverageLabel(story) : `${coverageLabel(story)} · ${time}`;
}

function firstUrl(story: DigestStory): string | null {
  for (const source of story.sources) {
    const url = safeUrl(source.article.url);
    if (url !== null) return url;
  }
  return null;
}

/**
 * Last line of defence for the total: the parts are budgeted above, but should they ever add up past
 * 6,000, fields go first (from the end), then the description is cut.
 */
export function fitEmbed(embed: APIEmbed, total: number = DISCORD_LIMITS.embedTotal): APIEmbed {
  let fitted: APIEmbed = { ...embed, ...(embed.fields === undefined ? {} : { fields: [...embed.fields] }) };
  while (embedLength(fitted) > total && (fitted.fields?.length ?? 0) > 0) {
    fitted = { ...fitted, fields: fitted.fields?.slice(0, -1) ?? [] };
  }
  const over = embedLength(fitted) - total;
  if (over > 0 && fitted.description !== undefined) {
    fitted = { ...fitted, description: truncate(fitted.description, Math.max(0, fitted.description.length - over)) };
  }
  return fitted;
}
