// Small builders for digest stories and a scripted CommandHandler, shared by the Slack tests.
import type { CommandHandler, CommandReply, CommandRequest } from '../../../src/commands/types.ts';
import type { Article } from '../../../src/domain/article.ts';
import type { DigestSource, DigestStory } from '../../../src/domain/digest.ts';
import type { Logger } from '../../../src/ops/logger.ts';

export function article(id: string, source: string, url: string | null, title = `Title ${id}`): Article {
  return { id, title, text: 'Body.', source, url, path: null, published: '2025-03-14T10:00:00Z' };
}

export function story(overrides: Partial<DigestStory> & { onlyHere?: { source: string; text: string }[] } = {}): DigestStory {
  const sources: DigestSource[] = [
    { n: 1, article: article('a', 'RT', 'https://example.com/a?x=1&y=2'), rewrites: [article('b', 'TROIB', 'https://troib.example/b')] },
    { n: 2, article: article('c', 'MENAFN', 'https://example.org/c'), rewrites: [] },
    { n: 3, article: article('d', 'Local file', null), rewrites: [] },
  ];
  return {
    id: 's-1',
    headline: 'NATO rules out membership for Ukraine',
    summary: [
      { text: 'Rutte said membership is off the table.', sources: ['a', 'c'], markers: [1, 2] },
      { text: 'A file-only claim <b>with tags</b> & more.', sources: ['d'], markers: [3] },
    ],
    sources,
    articleCount: 4,
    firstSeen: '2025-03-14T10:00:00Z',
    lastUpdated: '2025-03-15T07:00:00Z',
    ...overrides,
  };
}

export const REFUSAL = 'Sorry, only workspace admins can change feeds.';

/** A handler that answers like the real ones would, and records what it was asked. */
export function scriptedHandler(): CommandHandler & { requests: CommandRequest[] } {
  const requests: CommandRequest[] = [];
  return {
    requests,
    async handle(request): Promise<CommandReply> {
      requests.push(request);
      if (request.command === 'story') return { visibility: 'channel', stories: [story({ headline: `About ${request.text}` })] };
      if (request.command === 'feeds' && request.text.startsWith('add ')) {
        if (!(await request.isAdmin())) return { visibility: 'ephemeral', text: REFUSAL };
        return { visibility: 'ephemeral', text: `Added ${request.text.slice(4)}` };
      }
      if (request.command === 'digest' && request.text === 'boom') throw new Error('database on fire');
      return { visibility: 'ephemeral', text: `ok: ${request.command} ${request.text}` };
    },
  };
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message, error) => lines.push(`error ${message}${error instanceof Error ? `: ${error.message}` : ''}`),
  };
}
