// A platform-neutral CommandReply as one or more Slack messages for respond().
import type { CommandReply } from '../../commands/types.ts';
import { type Block, type SlackLimits, type SlackMessage, SLACK_LIMITS, blockChars, context, packLines, section } from './blocks.ts';
import { clip, oneLine } from './mrkdwn.ts';
import { renderSlackStory } from './render.ts';
import { splitSlackMessages } from './split-messages.ts';

/** One list item: a feed URL or a headline, never a paragraph. */
const ITEM_CHARS = 1000;

export function renderSlackReply(reply: CommandReply, limits: SlackLimits = SLACK_LIMITS): SlackMessage[] {
  const units: SlackMessage[] = [];
  const notice = noticeBlocks(reply, limits);
  if (notice.length > 0) {
    const fallback = reply.text ?? reply.items?.[0] ?? '';
    units.push({ text: clip(oneLine(fallback), limits.fallbackChars), blocks: notice });
  }
  const stories = reply.stories ?? [];
  stories.forEach((story, i) => {
    units.push(renderSlackStory(story, stories.length > 1 ? { index: i + 1, limits } : { limits }));
  });
  if (units.length === 0) return [{ text: 'Done.', blocks: [section('Done.')] }];
  return capMessages(splitSlackMessages(units, limits), limits);
}

/** The reply text (kept line by line) and its items as a bullet list, in sections within the limits. */
function noticeBlocks(reply: CommandReply, limits: SlackLimits): Block[] {
  const text = (reply.text ?? '').trim();
  // Keep the author's line breaks (lists, short paragraphs) but collapse runs of blank lines to one; a blank
  // line becomes a single space so packing keeps it as a paragraph break.
  const lines = (text === '' ? [] : text.split('\n'))
    .map((line) => line.trimEnd())
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .map((line) => (line === '' ? ' ' : clip(line, limits.sectionChars)));
  const items = (reply.items ?? []).map((item) => `• ${clip(oneLine(item), ITEM_CHARS)}`);
  return [...packLines(lines, limits.sectionChars), ...packLines(items, limits.sectionChars)].map(section);
}

/**
 * A response_url takes at most five posts; past that, the last kept message ends with a note saying how many
 * were left out, dropping its own last blocks if the note would not otherwise fit.
 */
function capMessages(messages: SlackMessage[], limits: SlackLimits): SlackMessage[] {
  const max = limits.responsesPerCommand;
  if (messages.length <= max) return messages;
  const hidden = messages.length - max;
  const kept = messages.slice(0, max);
  const last = kept[max - 1];
  if (last === undefined) return kept;
  const note = context(`…${hidden} more message${hidden === 1 ? '' : 's'} not shown. Narrow the request to see the rest.`);
  const blocks = [...last.blocks];
  const total = () => blocks.reduce((sum, block) => sum + blockChars(block), 0);
  while (blocks.length > 0 && (blocks.length + 1 > limits.blocksPerMessage || total() + blockChars(note) > limits.messageChars)) {
    blocks.pop();
  }
  kept[max - 1] = { text: last.text, blocks: [...blocks, note] };
  return kept;
}
