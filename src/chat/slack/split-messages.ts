// Pack rendered units (a story, a notice) into as few Slack messages as the limits allow.
import { type Block, type SlackLimits, type SlackMessage, SLACK_LIMITS, blockChars, divider, messageChars } from './blocks.ts';

/**
 * Greedy packing in order: units in one message are separated by a divider; a unit that would not fit in
 * the current message starts a new one, so a story is cut across messages only when it alone is too big for
 * one. No message exceeds `blocksPerMessage` blocks or `messageChars` chars, because every single block the
 * renderers make is far below the message budget. Each message's fallback text is that of its first unit.
 */
export function splitSlackMessages(units: readonly SlackMessage[], limits: SlackLimits = SLACK_LIMITS): SlackMessage[] {
  const out: SlackMessage[] = [];
  let blocks: Block[] = [];
  let chars = 0;
  let text = '';
  const flush = () => {
    if (blocks.length > 0) out.push({ text, blocks });
    blocks = [];
    chars = 0;
  };
  const fits = (count: number, size: number) => blocks.length + count <= limits.blocksPerMessage && chars + size <= limits.messageChars;

  for (const unit of units) {
    if (unit.blocks.length === 0) continue;
    const whole = unit.blocks.length + (blocks.length > 0 ? 1 : 0);
    if (blocks.length > 0 && !fits(whole, messageChars(unit.blocks))) flush();
    if (blocks.length === 0) text = unit.text;
    else blocks.push(divider());
    for (const block of unit.blocks) {
      const size = blockChars(block);
      if (!fits(1, size)) {
        flush();
        text = unit.text;
      }
      blocks.push(block);
      chars += size;
    }
  }
  flush();
  return out;
}
