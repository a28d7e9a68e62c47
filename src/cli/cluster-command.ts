// `news-digest cluster [--json] < articles.jsonl`: runs the story engine over a batch of articles, in input
// order (the stream order), and writes where each went. For evaluation and batch use.
import type { Article } from '../domain/article.ts';
import { createStoryEngine } from '../cluster/engine.ts';
import { readAll, type CliCommand } from './command.ts';

/** A malformed input row: reported as one line with its line number, exit code 1. */
class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function optionalString(row: Record<string, unknown>, field: string, line: number): string | null {
  const value = row[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError(`line ${line}: "${field}" must be a string or null`);
  return value;
}

/** One JSONL row as an Article: `id` is required, `title`/`text` default to empty, the rest may be null. */
export function parseArticleLine(text: string, line: number): Article {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`line ${line}: not valid JSON (${reason})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`line ${line}: expected a JSON object with at least "id"`);
  }
  const row = parsed as Record<string, unknown>;
  const id = row['id'];
  if (typeof id !== 'string' && typeof id !== 'number') throw new InputError(`line ${line}: missing "id"`);
  const url = optionalString(row, 'url', line);
  return {
    id: String(id),
    title: optionalString(row, 'title', line) ?? '',
    text: optionalString(row, 'text', line) ?? '',
    source: optionalString(row, 'source', line) ?? '',
    url: url === '' ? null : url,
    path: null,
    published: optionalString(row, 'published', line),
  };
}

export const clusterCommand: CliCommand = {
  name: 'cluster',
  summary: 'group a JSONL batch of articles into stories and rewrites (for evaluation)',
  help: [
    'Usage: news-digest cluster [--json] < articles.jsonl',
    '',
    'Reads one article per line, {id, title, text, source, url, published}, and places each in a story as',
    'it arrives (input order is the stream order). Writes one line per article: {id, story, rewriteOf} with',
    '--json (JSONL), otherwise a tab-separated table. Story ids are opaque; rewriteOf is an article id or null.',
    '',
    'Options:',
    '  --json    write JSONL instead of a table',
    '',
    'Example:',
    '  news-digest cluster --json < articles.jsonl > assignments.jsonl',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values, io }) {
    const json = values['json'] === true;
    const input = await readAll(io.stdin);
    const articles: Article[] = [];
    const seen = new Set<string>();
    try {
      input.split('\n').forEach((text, index) => {
        if (text.trim() === '') return;
        const article = parseArticleLine(text, index + 1);
        if (seen.has(article.id)) throw new InputError(`line ${index + 1}: duplicate id "${article.id}"`);
        seen.add(article.id);
        articles.push(article);
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr.write(`news-digest cluster: ${error.message}\n`);
      return 1;
    }
    const engine = createStoryEngine();
    const out: string[] = [];
    if (!json) out.push('id\tstory\trewriteOf');
    for (const article of articles) {
      const assignment = engine.add(article);
      out.push(
        json
          ? JSON.stringify({ id: article.id, story: assignment.storyId, rewriteOf: assignment.rewriteOf })
          : `${article.id}\t${assignment.storyId}\t${assignment.rewriteOf ?? '-'}`,
      );
    }
    io.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
    return 0;
  },
};
