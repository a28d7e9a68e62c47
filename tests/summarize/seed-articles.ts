// Loads the seed articles as the summarizer sees them when the cleaner has done nothing: first line as the
// title, the rest (boilerplate included) as the body. The summarizer must cope with that on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/domain/article.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

export function seedArticles(): Article[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(SEEDS, file), 'utf8');
      const lines = raw.split('\n');
      const first = lines.findIndex((l) => l.trim() !== '');
      return {
        id: file.slice(0, 3),
        title: lines[first]?.trim() ?? '',
        text: lines.slice(first + 1).join('\n'),
        source: file,
        url: null,
        path: join(SEEDS, file),
        published: null,
      };
    });
}
