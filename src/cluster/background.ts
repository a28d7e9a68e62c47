// Background document frequencies: how many articles of a general news corpus hold each term, shipped as
// data (background-df.json) and refitted by `node bench/fit-placement-model.ts`. The vocabulary mixes them
// in as pseudo-documents (vocabulary.ts), so IDF is sensible from a stream's first article on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../domain/article.ts';
import { analyzeArticle } from './analyze.ts';
import { createLexicon } from './lexicon.ts';
import { STORY_ENGINE_DEFAULTS, type StoryEngineOptions } from './options.ts';
import { createVocabulary, type Background } from './vocabulary.ts';

export const BACKGROUND_FILE = join(import.meta.dirname, 'background-df.json');

/** Document frequencies of a corpus, by term as the lexicon spells it (stems, and names with their prefix). */
export interface BackgroundTable {
  readonly documents: number;
  readonly df: Readonly<Record<string, number>>;
  /** Where the counts come from, for the record. */
  readonly countedOn?: string;
}

/**
 * Counts the terms of `articles` as the story engine analyses them. Terms in fewer than `minDf` articles
 * are left out: they would add almost nothing to a pseudo-count, and would make the file large.
 */
export function countDocumentFrequencies(
  articles: Iterable<Article>,
  minDf = 2,
  options: StoryEngineOptions = STORY_ENGINE_DEFAULTS,
  countedOn?: string,
): BackgroundTable {
  const vocabulary = createVocabulary({ documents: 0 });
  const lexicon = createLexicon(vocabulary);
  for (const article of articles) vocabulary.addDocument(analyzeArticle(article, options, lexicon).ids);
  const df: Record<string, number> = {};
  const ids = Array.from({ length: vocabulary.size }, (_, id) => id)
    .filter((id) => vocabulary.documentFrequency(id) >= minDf)
    .sort((a, b) => vocabulary.documentFrequency(b) - vocabulary.documentFrequency(a) || (vocabulary.term(a) < vocabulary.term(b) ? -1 : 1));
  for (const id of ids) df[vocabulary.term(id)] = vocabulary.documentFrequency(id);
  return { documents: vocabulary.documents, df, ...(countedOn === undefined ? {} : { countedOn }) };
}

export function backgroundOf(table: BackgroundTable): Background {
  const df = new Map(Object.entries(table.df));
  const documents = Math.max(1, table.documents);
  return { share: (term) => (df.get(term) ?? 0) / documents };
}

/** A table read from JSON, checked. */
export function parseBackgroundTable(json: unknown): BackgroundTable {
  const data = json as { documents?: unknown; df?: unknown; countedOn?: unknown };
  if (typeof data.documents !== 'number' || !(data.documents > 0) || typeof data.df !== 'object' || data.df === null) {
    throw new Error('background document frequencies: need {"documents": N > 0, "df": {term: count}}');
  }
  for (const [term, count] of Object.entries(data.df)) {
    if (typeof count !== 'number' || !(count >= 0) || count > data.documents) {
      throw new Error(`background document frequencies: bad count for "${term}"`);
    }
  }
  return data as BackgroundTable;
}

let shipped: Background | null | undefined;

/** The shipped background, or null when the file is absent (the engine then uses the stream alone). */
export function defaultBackground(): Background | null {
  if (shipped === undefined) {
    shipped = existsSync(BACKGROUND_FILE)
      ? backgroundOf(parseBackgroundTable(JSON.parse(readFileSync(BACKGROUND_FILE, 'utf8'))))
      : null;
  }
  return shipped;
}
