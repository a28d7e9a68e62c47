// Finds retired stories for /story when no active story matches: the archive is the store itself, read
// newest first over a bounded number of articles, so a query costs the same however large the store has
// grown. Two passes over the same range: the first finds the stories with an article that matches, the
// second collects every article of those stories in the range, so the card shows all their sources.
import type { ArticleRepository, StoredArticle } from '../store/article-repository.ts';
import { terms } from '../text/tokens.ts';
import type { StoryMaterial } from './story-material.ts';

/** The most recent archived articles a search reads: a few days of a busy bot, weeks of a small one. */
export const ARCHIVE_SEARCH_ARTICLES = 20_000;
/** Stories handed to the ranking (findStories), newest first. */
const CANDIDATE_STORIES = 20;
const CHUNK = 500;
/** Share of the query's terms one article must hold (findStories asks the same of a whole story). */
const MIN_TERM_COVERAGE = 0.5;

export interface ArchiveSearchOptions {
  /** Stories still active: left to the live search. */
  readonly isActive: (storyId: string) => boolean;
  readonly maxArticles?: number;
}

export async function searchArchive(
  repository: ArticleRepository,
  query: string,
  options: ArchiveSearchOptions,
): Promise<StoryMaterial[]> {
  const wanted = [...new Set(terms(query))];
  if (wanted.length === 0) return [];
  const last = await repository.lastSeq();
  const first = Math.max(1, last - (options.maxArticles ?? ARCHIVE_SEARCH_ARTICLES) + 1);

  const candidates: string[] = [];
  await newestFirst(repository, first, last, (record) => {
    const storyId = record.assignment.storyId;
    if (candidates.includes(storyId) || options.isActive(storyId)) return candidates.length < CANDIDATE_STORIES;
    const words = new Set(terms(`${record.article.title} ${record.article.text}`));
    const held = wanted.filter((term) => words.has(term)).length;
    if (held / wanted.length >= MIN_TERM_COVERAGE) candidates.push(storyId);
    return candidates.length < CANDIDATE_STORIES;
  });
  if (candidates.length === 0) return [];

  const members = new Map<string, StoredArticle[]>(candidates.map((id) => [id, []]));
  await newestFirst(repository, first, last, (record) => {
    members.get(record.assignment.storyId)?.push(record);
    return true;
  });
  return candidates.map((id) => {
    const records = members.get(id)!.sort((a, b) => a.seq - b.seq);
    return {
      story: { id, articleIds: records.map((r) => r.article.id) },
      articles: records.map((r) => ({ article: r.article, rewriteOf: r.assignment.rewriteOf, ingestedAt: r.ingestedAt })),
    };
  });
}

/** Visits records from `last` down to `first`, a chunk at a time, until `visit` returns false. */
async function newestFirst(
  repository: ArticleRepository,
  first: number,
  last: number,
  visit: (record: StoredArticle) => boolean,
): Promise<void> {
  for (let upTo = last; upTo >= first; upTo -= CHUNK) {
    const from = Math.max(first, upTo - CHUNK + 1);
    const chunk = await repository.range(from, upTo - from + 1);
    for (let k = chunk.length - 1; k >= 0; k -= 1) if (!visit(chunk[k]!)) return;
  }
}
