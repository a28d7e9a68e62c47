// Articles built from the raw seed files, boilerplate and all: the first non-empty line is the title, the
// rest the text. Deliberately not the real cleaner, so these tests show the engine copes with leftovers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/domain/article.ts';

export const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

export function seedArticle(file: string): Article {
  const raw = readFileSync(join(SEEDS_DIR, file), 'utf8');
  const lines = raw.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  return {
    id: file.slice(0, 3),
    title: lines[first]?.trim() ?? '',
    text: lines.slice(first + 1).join('\n'),
    source: 'seed',
    url: null,
    path: file,
    published: null,
  };
}

export function seedArticles(): Article[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(seedArticle);
}
