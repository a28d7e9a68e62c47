// Slack renderers: what a story, an update and a command reply look like, and property tests that no feed
// text (emoji, markup characters, 10k-char strings, 200 sources) breaks Slack's limits or escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, type SlackMessage, SLACK_LIMITS, messageChars } from '../../../src/chat/slack/blocks.ts';
import { renderSlackStory, renderSlackUpdate } from '../../../src/chat/slack/render.ts';
import { renderSlackReply } from '../../../src/chat/slack/render-reply.ts';
import type { DigestSource, DigestStory } from '../../../src/domain/digest.ts';
import { article, story } from './fixtures.ts';

const mrkdwnTexts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) => (block.type === 'section' ? [block.text.text] : block.type === 'context' ? block.elements.map((e) => e.text) : []));

const allText = (message: SlackMessage) => mrkdwnTexts(message.blocks).join('\n');

/** Our own links are the only markup allowed; outside them no raw < or >, and every & starts an entity. */
function assertInert(text: string): void {
  const withoutLinks = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '');
  expect(withoutLinks).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

function assertWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(messageChars(message.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars);
  assertInert(message.text);
  for (const block of message.blocks) {
    if (block.type === 'header') {
      expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerChars);
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text).not.toMatch(/\n/);
    }
    if (block.type === 'section') {
      expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
      expect(block.text.text.trim().length).toBeGreaterThan(0);
    }
    if (block.type === 'context') expect(block.elements[0]?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.contextChars);
  }
  for (const text of mrkdwnTexts(message.blocks)) assertInert(text);
}

describe('renderSlackStory', () => {
  it('header, cited summary with [n] links, context line, numbered sources with rewrites', () => {
    const { text, blocks } = renderSlackStory(story());
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'NATO rules out membership for Ukraine', emoji: true } });
    const body = mrkdwnTexts(blocks);
    expect(body[0]).toBe(
      'Rutte said membership is off the table. <https://example.com/a?x=1&amp;y=2|[1]><https://example.org/c|[2]> ' +
        'A file-only claim &lt;b&gt;with tags&lt;/b&gt; &amp; more. [3]',
    );
    expect(body).toContain('3 sources (+1 republished) · first seen 14 Mar 2025 · updated 15 Mar 2025');
    const sources = body.at(-1) ?? '';
    expect(sources).toContain('*[1]* <https://example.com/a?x=1&amp;y=2|RT>: Title a · _also republished by_ <https://troib.example/b|TROIB>');
    expect(sources).toContain('*[3]* Local file: Title d');
    expect(text).toBe('NATO rules out membership for Ukraine (3 sources (+1 republished))');
  });

  it('renders only-here lines when the story has them, and nothing when it does not', () => {
    const withLines = renderSlackStory(story({ onlyHere: [{ source: 'MENAFN', text: 'Talks resume <Monday>.' }] }));
    expect(allText(withLines)).toContain('_Only MENAFN reports: Talks resume &lt;Monday&gt;._');
    expect(allText(renderSlackStory(story()))).not.toContain('Only ');
  });

  it('links only http(s) URLs; javascript: and relative URLs stay plain text', () => {
    const sources: DigestSource[] = [
      { n: 1, article: article('a', 'Evil', 'javascript:alert(1)'), rewrites: [] },
      { n: 2, article: article('b', 'Rel', '/relative/path'), rewrites: [] },
    ];
    const out = allText(renderSlackStory(story({ sources, summary: [{ text: 'Claim.', sources: ['a'], markers: [1, 2] }] })));
    expect(out).not.toContain('javascript:');
    expect(out).toContain('Claim. [1][2]');
  });

  it('200 sources: the list is cut with "...and N more sources" inside the message budget', () => {
    const sources = Array.from({ length: 200 }, (_, i): DigestSource => ({
      n: i + 1,
      article: article(`a${i}`, `Outlet ${i}`, `https://outlet${i}.example/${'long-path/'.repeat(20)}`, 'T'.repeat(300)),
      rewrites: [],
    }));
    const message = renderSlackStory(story({ sources, articleCount: 200 }));
    assertWithinLimits(message);
    expect(allText(message)).toMatch(/…and \d+ more sources/);
  });

  it('a numbered headline when several stories share a message', () => {
    const header = renderSlackStory(story(), { index: 2 }).blocks[0];
    expect(header?.type === 'header' && header.text.text).toBe('2. NATO rules out membership for Ukraine');
  });
});

describe('renderSlackUpdate', () => {
  it('shows only the new sources and sentences', () => {
    const update = renderSlackUpdate({
      story: story(),
      newSentences: [{ text: 'New & notable.', sources: ['c'], markers: [2] }],
      newSources: [2, 3],
    });
    const out = allText(update);
    expect(out).toContain('*Update: +2 sources:* <https://example.org/c|[2] MENAFN>, [3] Local file');
    expect(out).toContain('New &amp; notable. <https://example.org/c|[2]>');
    expect(out).not.toContain('Rutte');
    expect(update.text).toBe('Update: NATO rules out membership for Ukraine (+2 sources, 1 new detail)');
  });

  it('an empty update says so rather than posting a blank message', () => {
    expect(allText(renderSlackUpdate({ story: story(), newSentences: [], newSources: [] }))).toContain('*Update* no new details.');
  });
});

describe('renderSlackReply', () => {
  it('text and items become sections; an empty reply still says something', () => {
    const [message] = renderSlackReply({ visibility: 'ephemeral', text: 'Feeds:', items: ['1 https://a.example/rss', '2 <odd>'] });
    expect(mrkdwnTexts(message?.blocks ?? [])).toEqual(['Feeds:', '• 1 https://a.example/rss\n• 2 &lt;odd&gt;']);
    expect(renderSlackReply({ visibility: 'ephemeral' })).toEqual([{ text: 'Done.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Done.' } }] }]);
  });

  it('many stories split into several messages, at most five, the last noting what was left out', () => {
    const big = story({ summary: [{ text: 'x'.repeat(1100), sources: [], markers: [] }].concat(Array(5).fill({ text: 'y'.repeat(1100), sources: [], markers: [] })) });
    const messages = renderSlackReply({ visibility: 'channel', stories: Array.from({ length: 12 }, () => big) });
    expect(messages).toHaveLength(SLACK_LIMITS.responsesPerCommand);
    for (const message of messages) assertWithinLimits(message);
    expect(allText(messages.at(-1) ?? { text: '', blocks: [] })).toMatch(/more messages? not shown/);
  });
});

// ---- property tests -------------------------------------------------------------------------------------

const oddPiece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('<!everyone>', '<@U123>', '&amp;', '&', '<', '>', '|', '*bold*', '👩‍👩‍👧‍👦', '🇺🇦', '\n\n', '\t', 'é', '\u200d'),
);
/** Odd text up to ~10k chars: repeated odd pieces, so long strings are cheap to generate. */
const oddText = fc
  .tuple(fc.array(oddPiece, { maxLength: 6 }), fc.integer({ min: 1, max: 400 }))
  .map(([pieces, times]) => pieces.join('').repeat(pieces.length === 0 ? 0 : times).slice(0, 10_500));
const oddUrl = fc.oneof(
  fc.constant(null),
  fc.webUrl(),
  oddText.map((t) => `https://example.com/${t}`),
  fc.constantFrom('javascript:alert(1)', 'https://a.example/x|y>z', 'ftp://x', 'https://a.example/?q=<b>&c'),
);
const oddArticle = fc.record({ id: fc.string(), title: oddText, source: oddText, url: oddUrl }).map((a) => article(a.id, a.source, a.url, a.title));

const oddStory: fc.Arbitrary<DigestStory> = fc
  .record({
    headline: oddText,
    sentences: fc.array(fc.record({ text: oddText, markers: fc.array(fc.integer({ min: 1, max: 220 }), { maxLength: 200 }) }), { maxLength: 12 }),
    sourceCount: fc.integer({ min: 0, max: 200 }),
    sample: fc.array(oddArticle, { minLength: 1, maxLength: 4 }),
    rewrites: fc.array(oddArticle, { maxLength: 12 }),
    onlyHere: fc.option(fc.array(fc.record({ source: oddText, text: oddText }), { maxLength: 6 }), { nil: undefined }),
  })
  .map(({ headline, sentences, sourceCount, sample, rewrites, onlyHere }) => {
    const sources = Array.from({ length: sourceCount }, (_, i): DigestSource => ({
      n: i + 1,
      article: sample[i % sample.length] ?? article('x', 'x', null),
      rewrites: i % 7 === 0 ? rewrites : [],
    }));
    const summary = sentences.map((s) => ({ text: s.text, sources: [], markers: s.markers }));
    return story({ headline, summary, sources, articleCount: sourceCount * 2, ...(onlyHere === undefined ? {} : { onlyHere }) });
  });

describe('Slack renderer properties', () => {
  it('a story message never exceeds the limits or leaks markup from feed text', () => {
    fc.assert(fc.property(oddStory, fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), (s, index) => {
      assertWithinLimits(renderSlackStory(s, index === undefined ? {} : { index }));
    }), { numRuns: 40 });
  });

  it('an update never exceeds the limits', () => {
    fc.assert(fc.property(oddStory, fc.array(fc.integer({ min: 1, max: 220 }), { maxLength: 200 }), (s, newSources) => {
      assertWithinLimits(renderSlackUpdate({ story: s, newSentences: s.summary, newSources }));
    }), { numRuns: 40 });
  });

  it('a reply of odd text, items and stories splits into at most five messages within the limits', () => {
    const reply = fc.record({
      text: fc.option(oddText, { nil: undefined }),
      items: fc.option(fc.array(oddText, { maxLength: 30 }), { nil: undefined }),
      stories: fc.option(fc.array(oddStory, { maxLength: 4 }), { nil: undefined }),
    });
    fc.assert(fc.property(reply, (r) => {
      const messages = renderSlackReply({
        visibility: 'channel',
        ...(r.text === undefined ? {} : { text: r.text }),
        ...(r.items === undefined ? {} : { items: r.items }),
        ...(r.stories === undefined ? {} : { stories: r.stories }),
      });
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.length).toBeLessThanOrEqual(SLACK_LIMITS.responsesPerCommand);
      for (const message of messages) assertWithinLimits(message);
    }), { numRuns: 30 });
  });
});
