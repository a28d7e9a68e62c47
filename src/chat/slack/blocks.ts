// The few Block Kit shapes the renderers emit, Slack's limits for them, and how we measure a message.
// Local types keep the renderers pure and testable; they are structurally what chat.postMessage accepts.

export interface PlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

export interface MrkdwnText {
  readonly type: 'mrkdwn';
  readonly text: string;
}

export interface HeaderBlock {
  readonly type: 'header';
  readonly text: PlainText;
}

export interface SectionBlock {
  readonly type: 'section';
  readonly text: MrkdwnText;
}

export interface ContextBlock {
  readonly type: 'context';
  readonly elements: readonly MrkdwnText[];
}

export interface DividerBlock {
  readonly type: 'divider';
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock;

/** One chat.postMessage / response_url payload: `text` is the notification fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** Slack's published limits (CHAT-PLATFORMS.md), and our budgets under them. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerChars: 150,
  sectionChars: 3000,
  /** Context text is allowed 3,000 too, but a context line longer than this is no longer a context line. */
  contextChars: 500,
  /** Slack rejects whole messages (msg_blocks_too_long) near 12k chars even within block limits. */
  messageChars: 10_000,
  /** The notification fallback: shown in push notifications and screen readers; short on purpose. */
  fallbackChars: 300,
  /** A response_url accepts at most five posts within 30 minutes. */
  responsesPerCommand: 5,
} as const;

export type SlackLimits = { readonly [K in keyof typeof SLACK_LIMITS]: number };

export const header = (text: string): HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
export const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (text: string): ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
export const divider = (): DividerBlock => ({ type: 'divider' });

/** Characters of text a block carries: what counts against the message budget. */
export function blockChars(block: Block): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'divider':
      return 0;
  }
}

export function messageChars(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + blockChars(block), 0);
}

/**
 * Pack pieces into section texts of at most `max` chars each, joined by `separator` (one char). A piece
 * longer than `max` must already have been clipped by the caller; it still gets a section of its own.
 */
export function packLines(lines: readonly string[], max: number, separator = '\n'): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current === '') current = line;
    else if (current.length + separator.length + line.length <= max) current += `${separator}${line}`;
    else {
      out.push(current);
      current = line;
    }
  }
  if (current !== '') out.push(current);
  return out;
}
