// Property tests: whatever bytes arrive, the parser answers with a feed or a FeedParseError, quickly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/ingest/fetch/charset.ts';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';
import { FeedParseError } from '../../../src/ingest/feeds/types.ts';
import { ATOM, BROKEN_RSS, JSON_FEED, RDF, RSS2 } from './fixtures.ts';

// Generous per-document bound: real documents here parse in about a millisecond.
const MAX_MS = 2000;

async function parseOrTypedError(text: string): Promise<void> {
  const started = performance.now();
  try {
    const feed = await parseFeed(text, 'http://fuzz.example/feed');
    expect(Array.isArray(feed.items)).toBe(true);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS);
}

type Mutation = { at: number; kind: 'delete' | 'insert' | 'duplicate'; length: number; text: string };
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate'),
  length: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<', '>', '&', '&nbsp;', '<![CDATA[', ']]>', '</item>', '<!--', '"', '\u0000', '\uFFFE')),
}) as fc.Arbitrary<Mutation>;

function mutate(source: string, mutations: Mutation[]): string {
  let out = source;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + m.length).repeat(3) + out.slice(at + m.length);
  }
  return out;
}

describe('parseFeed properties', () => {
  it('random bytes: a feed or a FeedParseError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => parseOrTypedError(decodeBody(bytes).text)),
      { numRuns: 300 },
    );
  });

  it('random text with feed-like tokens', async () => {
    const token = fc.constantFrom('<rss version="2.0">', '<channel>', '<item>', '</item>', '<title>', '</title>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '<link href="x"/>', '&amp;', '&bogus;', '<?xml version="1.0"?>', '{', '"items":[', ']}');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(token, fc.string({ maxLength: 8 })), { maxLength: 60 }), async (parts) => parseOrTypedError(parts.join(''))),
      { numRuns: 300 },
    );
  });

  it('mutated real feeds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(RSS2, ATOM, RDF, JSON_FEED, BROKEN_RSS), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (feed, mutations) =>
        parseOrTypedError(mutate(feed, mutations)),
      ),
      { numRuns: 400 },
    );
  });
});
