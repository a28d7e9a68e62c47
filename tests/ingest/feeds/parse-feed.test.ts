import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/feeds/parse-feed.ts';
import { FeedParseError } from '../../../src/ingest/feeds/types.ts';
import { stableId } from '../../../src/domain/ids.ts';
import { ATOM, BROKEN_RSS, JSON_FEED, RDF, RSS2 } from './fixtures.ts';

describe('parseFeed', () => {
  it('normalizes RSS 2.0 items: canonical URL, ids, dates, HTML kept in summary/content', async () => {
    const feed = await parseFeed(RSS2, 'https://news.example.com/feed.xml');
    expect([feed.format, feed.title, feed.link, feed.recovered]).toEqual(['rss', 'Example News', 'https://news.example.com/', false]);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      title: 'Council approves & funds new bridge',
      url: 'https://news.example.com/2025/bridge?id=7',
      guid: 'bridge-7',
      author: 'Ana Ruiz',
      published: '2025-01-07T08:30:00.000Z',
      summary: '<p>The council voted 7-2.</p>',
      source: 'Example News',
    });
    expect(first?.content).toContain('Work starts in May.');
    expect(first?.id).toBe(stableId('a-', 'https://news.example.com/2025/bridge?id=7'));
    expect(second?.url).toBeNull();
    expect(second?.id).toBe(stableId('a-', 'https://news.example.com/feed.xml', 'nolink-1'));
  });

  it('reads Atom text constructs, xml:base and the alternate link', async () => {
    const feed = await parseFeed(ATOM, 'https://blog.example.org/atom.xml');
    expect([feed.format, feed.title, feed.link]).toEqual(['atom', 'Dev Blog', 'https://blog.example.org/']);
    expect(feed.items[0]).toMatchObject({
      title: 'Release 2.0 <beta>',
      link: 'https://blog.example.org/posts/release-2',
      guid: 'tag:blog.example.org,2025:2',
      author: 'Kim Lee',
      published: '2025-01-31T13:00:00.000Z',
      summary: 'Short summary',
      content: '<p>Full <em>text</em></p>',
    });
  });

  it('reads RSS 1.0 (RDF) and JSON Feed', async () => {
    const rdf = await parseFeed(RDF, 'http://rdf.example.net/index.rdf');
    expect([rdf.format, rdf.title, rdf.items[0]?.link, rdf.items[0]?.published]).toEqual([
      'rdf', 'RDF Site', 'http://rdf.example.net/a1', '2004-03-01T10:00:00.000Z',
    ]);
    const json = await parseFeed(JSON_FEED, 'https://json.example.com/feed.json');
    expect(json.items).toHaveLength(2);
    expect(json.items[0]).toMatchObject({ url: 'https://json.example.com/1', author: 'Jo', content: '<p>Hello</p>' });
    expect(json.items[1]).toMatchObject({ guid: '2', content: 'No title, text only', link: null });
  });

  it('recovers what it can from ill-formed XML and says so', async () => {
    const feed = await parseFeed(BROKEN_RSS, 'http://broken.example.com/rss');
    expect(feed.recovered).toBe(true);
    expect(feed.title).toBe('Broken Feed © 2025');
    expect(feed.items.map((i) => i.title)).toEqual(['Fish & Chips', 'Second']);
    expect(feed.items[0]?.link).toBe('http://broken.example.com/1?a=1&b=2');
    expect(feed.items[0]?.summary).toBe('café');
  });

  it('fails with a typed error on documents that are not feeds', async () => {
    for (const text of ['', '<html><body>hi</body></html>', '{"title": "json but not a feed"}', '{ broken json', '<rss']) {
      const error: unknown = await parseFeed(text, 'http://x.example/').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeedParseError);
    }
  });
});
