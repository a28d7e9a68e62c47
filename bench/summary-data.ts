// The summarization data sets of ../shared/data/summarization (EVALUATION.md), as the benches read them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/domain/article.ts';

export const SUMMARY_DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'summarization');

export interface SummaryRow {
  readonly id: string;
  readonly articles: readonly { title?: string; text: string; source?: string; url?: string }[];
  readonly references: readonly string[];
}

/** Each set with the word count its summaries are cut at (one configuration serves both). */
export const SUMMARY_SETS = [
  { name: 'AllSides', file: join(SUMMARY_DATA, 'allsides.mds.jsonl'), words: 60 },
  { name: 'Multi-News val', file: join(SUMMARY_DATA, 'multinews-val.mds.jsonl'), words: 250 },
] as const;

/** The rows of a set in file order; `limit` > 0 keeps only the first ones (quick runs). */
export function loadSummaryRows(file: string, limit = 0): SummaryRow[] {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as SummaryRow);
  return limit > 0 ? rows.slice(0, limit) : rows;
}

export function rowArticles(row: SummaryRow): Article[] {
  return row.articles.map((a, i) => ({
    id: `${row.id}#${i}`,
    title: a.title ?? '',
    text: a.text,
    source: a.source ?? '',
    url: a.url ?? null,
    path: null,
    published: null,
  }));
}
