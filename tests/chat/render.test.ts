import { describe, expect, it } from 'vitest';
import { renderDigestMarkdown } from '../../src/chat/console/render-markdown.ts';
import { renderDigestText, wrap } from '../../src/chat/console/render-text.ts';
import type { Article } from '../../src/domain/article.ts';
import type { Digest } from '../../src/domain/digest.ts';

const article = (id: string, source: string, url: string | null, path: string | null = null): Article => ({
  id,
  title: `Title ${id}`,
  text: 'Body.',
  source,
  url,
  path,
  published: '2025-03-14T10:00:00Z',
});

const digest: Digest = {
  generatedAt: '2025-03-15T08:00:00Z',
  stories: [
    {
      id: 's-1',
      headline: 'NATO rules out *membership* for Ukraine',
      summary: [
        { text: 'Rutte said membership is off the table.', sources: ['a', 'b', 'c'], markers: [1, 2] },
        { text: 'Only one outlet reports this.', sources: ['c'], markers: [2] },
      ],
      sources: [
        { n: 1, article: article('a', 'RT', 'https://example.com/a'), rewrites: [article('b', 'TROIB', null, '/data/b.txt')] },
        { n: 2, article: article('c', 'MENAFN', 'https://example.org/c'), rewrites: [] },
      ],
      articleCount: 3,
      firstSeen: '2025-03-14T10:00:00Z',
      lastUpdated: '2025-03-15T07:00:00Z',
      onlyHere: [{ source: 'MENAFN', text: 'Lavrov accused the West of seeking to reinforce anti-Russian sentiment.' }],
    },
  ],
};

describe('console renderers', () => {
  it('text: headline, cited sentences, coverage, numbered sources and rewrites', () => {
    const text = renderDigestText(digest, { width: 80, color: false, cwd: '/data' });
    expect(text).toContain('1. NATO rules out *membership* for Ukraine');
    expect(text).toContain('Rutte said membership is off the table. [1][2]');
    expect(text).toContain('2 sources (+1 republished) · first seen 14 Mar 2025 · updated 15 Mar 2025');
    expect(text).toContain('[1] RT: https://example.com/a');
    expect(text).toContain('also republished by TROIB: b.txt');
    expect(text).toContain('[2] MENAFN: https://example.org/c');
    expect(text).toContain('Only MENAFN reports: Lavrov accused the West');
    expect(text).not.toContain('\u001b[');
  });

  it('text: bold headlines only on a colour terminal, lines within the width', () => {
    const text = renderDigestText(digest, { width: 40, color: true });
    expect(text).toContain('\u001b[1m');
    for (const line of wrap('word '.repeat(50), 40, '   ')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('markdown: escapes feed text and links sources', () => {
    const md = renderDigestMarkdown(digest);
    expect(md).toContain('## NATO rules out \\*membership\\* for Ukraine');
    expect(md).toContain('off the table. \\[1\\]\\[2\\]');
    expect(md).toContain('1. [RT](<https://example.com/a>)');
    expect(md).toContain('   - also republished by TROIB (/data/b.txt)');
    expect(md).toContain('> Only MENAFN reports: Lavrov accused');
  });

  it('says so when there are no stories', () => {
    expect(renderDigestText({ generatedAt: digest.generatedAt, stories: [] }, { width: 80, color: false })).toBe('No stories yet.\n');
  });
});
