import { describe, expect, it } from 'vitest';
import { discoverFeeds, looksLikeHtmlPage } from '../../../src/ingest/feeds/discovery.ts';
import { canonicalUrl } from '../../../src/ingest/feeds/canonical-url.ts';
import { isTeaser } from '../../../src/ingest/feeds/teaser.ts';
import type { FeedItem } from '../../../src/ingest/feeds/types.ts';

describe('autodiscovery', () => {
  it('finds alternate feed links in order, resolved against <base>, JSON guesses last', () => {
    const html = `<html><head><base href="https://site.example/blog/">
      <link rel="alternate" type="application/json" href="feed.json">
      <link rel="stylesheet" href="s.css">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="rss.xml">
      <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="/atom.xml">
      <link rel="alternate" type="text/html" hreflang="de" href="/de/"></head></html>`;
    expect(discoverFeeds(html, 'https://site.example/').map((f) => f.url)).toEqual([
      'https://site.example/blog/rss.xml',
      'https://site.example/atom.xml',
      'https://site.example/blog/feed.json',
    ]);
  });
  it('tells HTML pages from feeds served as text/html', () => {
    expect(looksLikeHtmlPage('<!DOCTYPE html><html></html>', null)).toBe(true);
    expect(looksLikeHtmlPage('<?xml version="1.0"?><rss version="2.0"></rss>', 'text/html')).toBe(false);
    expect(looksLikeHtmlPage('<div>fragment</div>', 'text/html; charset=utf-8')).toBe(true);
  });
});

describe('canonical URLs and teasers', () => {
  it('drops tracking parameters and fragments, keeps the rest', () => {
    expect(canonicalUrl('HTTPS://News.Example.com:443/a?utm_source=x&id=3&fbclid=y&UTM_Campaign=z#top')).toBe('https://news.example.com/a?id=3');
  });
  it('detects teasers by word count of the item text', () => {
    const item = (summary: string, url: string | null = 'https://x.example/a'): FeedItem => ({
      id: 'a', guid: null, link: url, url, title: 't', author: null, published: null, summary, content: null, source: 's',
    });
    expect(isTeaser(item('<p>Read <b>more</b>...</p>'), 10)).toBe(true);
    expect(isTeaser(item('one two three four five six seven eight nine ten eleven'), 10)).toBe(false);
    expect(isTeaser(item('short', null), 10)).toBe(false);
  });
});
