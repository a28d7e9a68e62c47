// One entry point for every feed format. Throws only FeedParseError, whatever the input.
import { looksLikeJson, parseJsonFeed } from './json-feed.ts';
import type { ParsedFeed } from './types.ts';
import { FeedParseError } from './types.ts';
import { parseXmlFeed } from './xml-feed.ts';

export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  try {
    if (looksLikeJson(text)) return parseJsonFeed(text, feedUrl);
    return await parseXmlFeed(text, feedUrl);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    // A bug or an unexpected shape deep in a parser must not escape as a TypeError and kill a poll loop.
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedParseError('FEED_PARSE', `feed could not be parsed: ${reason}`, feedUrl, { cause: error });
  }
}
