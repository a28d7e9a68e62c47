// Property tests: whatever a feed or a user sends (emoji, mentions, markdown, 10k characters, 200
// sources), the Discord renderers stay within every limit and never let a mention through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiscordStory, renderDiscordUpdate } from '../../../src/chat/discord/render.ts';
import { renderDiscordDigest, renderDiscordReply } from '../../../src/chat/discord/render-reply.ts';
import type { DigestSource, DigestStory } from '../../../src/domain/digest.ts';
import { expectWithinLimits } from './limits-check.ts';
import { article } from './stories.ts';

const NASTY = [
  '@everyone', '@here', '@EVERYONE', '<@123456789012345678>', '<@!123456789012345678>', '<@&987654321098765432>',
  '<#333333333333333333>', '**', '__', '~~', '`', '```', '\\', '||', '[x](https://evil.example)', '<t:0:R>',
  '😀', '👩‍👩‍👧', '🇺🇦', 'e\u0301', '\u200b', '\n', '\n# ', '\n> ', '\n- ', '\n1. ', '-# ', '\ud83d', '\udca9', '\u0000', '\r\n',
  ')', '(', ']', '[', '<', '>', 'https://example.com/a_b', ':smile:',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Odd text: nasty fragments mixed with random Unicode, sometimes repeated past every limit. */
const oddText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fragment, fc.integer({ min: 500, max: 12_000 })).map(([f, n]) => f.repeat(Math.ceil(n / Math.max(1, f.length)))) },
);

const oddUrl = fc.oneof(
  fc.constant(null),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'javascript:alert(1)', 'https://example.com/a_(b)?q=@everyone', 'https://user:pw@example.com/', 'http://[::1]/x',
    `https://example.com/${'long/'.repeat(200)}`, 'https://example.com/<@123456789012345678>', 'not a url',
  ),
);

const source = (n: number) =>
  fc.record({ source: oddText, title: oddText, url: oddUrl, rewrites: fc.array(oddText, { maxLength: 3 }) }).map(
    (s): DigestSource => ({
      n,
      article: article(`a${n}`, s.source, s.url, s.title),
      rewrites: s.rewrites.map((r, i) => article(`a${n}-r${i}`, r, null)),
    }),
  );

// Mostly a handful of sources, sometimes 150-200 to push past the 25-field cap and the total.
const sourceCount = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 150, max: 200 }) });

const storyArb: fc.Arbitrary<DigestStory> = sourceCount
  .chain((count) =>
    fc.record({
      headline: oddText,
      sources: count === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: count }, (_, i) => source(i + 1))),
      summary: fc.array(
        fc.record({ text: oddText, markers: fc.array(fc.integer({ min: 1, max: Math.max(1, count) }), { maxLength: 4 }) }),
        { maxLength: 12 },
      ),
      onlyHere: fc.option(fc.array(fc.record({ source: oddText, text: oddText }), { maxLength: 6 }), { nil: undefined }),
    }),
  )
  .map((s) => ({
    id: 'story',
    headline: s.headline,
    summary: s.summary.map((line) => ({ text: line.text, sources: [], markers: line.markers })),
    sources: s.sources,
    articleCount: s.sources.length + 2,
    firstSeen: '2025-03-14T10:00:00Z',
    lastUpdated: null,
    ...(s.onlyHere === undefined ? {} : { onlyHere: s.onlyHere }),
  }));

// Runs are bounded for a shared 2-core machine. Shrinking a 200-source story takes minutes, so a
// failure is reported as found (the failed assertion names the limit).
const RUNS = { numRuns: 120, endOnFailure: true };

describe('Discord renderers on odd text (property)', () => {
  it('a story never exceeds a limit and never mentions anyone', () => {
    fc.assert(fc.property(storyArb, (story) => expectWithinLimits(renderDiscordStory(story))), RUNS);
  });

  it('an update never exceeds a limit and never mentions anyone', () => {
    fc.assert(
      fc.property(storyArb, fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 60 }), (story, added) => {
        const message = renderDiscordUpdate({ story, newSentences: story.summary, newSources: added });
        expectWithinLimits(message);
      }),
      RUNS,
    );
  });

  it('replies and digests split into messages that each fit', () => {
    fc.assert(
      fc.property(
        fc.option(oddText, { nil: undefined }),
        fc.array(oddText, { maxLength: 80 }),
        fc.array(storyArb, { maxLength: 3 }),
        (text, items, stories) => {
          const reply = renderDiscordReply({ visibility: 'channel', ...(text === undefined ? {} : { text }), items, stories });
          expect(reply.length).toBeGreaterThan(0);
          for (const message of reply) {
            expectWithinLimits(message);
            expect(message.content.length + message.embeds.length).toBeGreaterThan(0);
          }
          for (const message of renderDiscordDigest({ generatedAt: '2025-03-15T08:00:00Z', stories })) expectWithinLimits(message);
        },
      ),
      { numRuns: 50, endOnFailure: true },
    );
  });
});
