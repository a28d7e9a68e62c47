// Story fixtures for the Discord tests.
import type { Article } from '../../../src/domain/article.ts';
import type { DigestSource, DigestStory } from '../../../src/domain/digest.ts';

export function article(id: string, source: string, url: string | null, title = `Title ${id}`): Article {
  return { id, title, text: 'Body.', source, url, path: null, published: '2025-03-14T10:00:00Z' };
}

export function story(id: string, overrides: Partial<DigestStory> = {}): DigestStory {
  const sources: DigestSource[] = [
    { n: 1, article: article(`${id}-a`, 'RT', 'https://example.com/a'), rewrites: [article(`${id}-b`, 'TROIB', null)] },
    { n: 2, article: article(`${id}-c`, 'MENAFN', 'https://example.org/c'), rewrites: [] },
  ];
  return {
    id,
    headline: `NATO rules out *membership* for Ukraine (${id})`,
    summary: [
      { text: 'Rutte said membership is off the table.', sources: [`${id}-a`, `${id}-c`], markers: [1, 2] },
      { text: 'Only one outlet reports this @everyone.', sources: [`${id}-c`], markers: [2] },
    ],
    sources,
    articleCount: 3,
    firstSeen: '2025-03-14T10:00:00Z',
    lastUpdated: '2025-03-15T07:00:00Z',
    ...overrides,
  };
}
