// Articles and where the story engine put them, in arrival order. The engine is rebuilt on start by
// replaying these records in `seq` order, which reproduces the same story ids (the engine is deterministic).
import type Keyv from 'keyv';
import type { Article } from '../domain/article.ts';
import type { Assignment } from '../domain/story.ts';

export interface StoredArticle {
  readonly seq: number;
  readonly article: Article;
  readonly assignment: Assignment;
  /** When this instance first ingested the article, ISO 8601. */
  readonly ingestedAt: string;
}

export interface ArticleRepository {
  has(id: string): Promise<boolean>;
  get(id: string): Promise<StoredArticle | undefined>;
  /** Stores the article with the next sequence number and returns the record. */
  add(article: Article, assignment: Assignment, ingestedAt: string): Promise<StoredArticle>;
  /** Every stored article, oldest first. */
  all(): Promise<StoredArticle[]>;
}

const PREFIX = 'article:';
const SEQ_KEY = 'meta:article-seq';

export function createArticleRepository(keyv: Keyv): ArticleRepository {
  let nextSeq: number | undefined;
  return {
    has: async (id) => (await keyv.get(PREFIX + id)) !== undefined,
    get: async (id) => (await keyv.get<StoredArticle>(PREFIX + id)) ?? undefined,
    async add(article, assignment, ingestedAt) {
      nextSeq ??= ((await keyv.get<number>(SEQ_KEY)) ?? 0) + 1;
      const record: StoredArticle = { seq: nextSeq, article, assignment, ingestedAt };
      // Record first, counter second: a crash between the two re-uses a seq number, which only ties
      // the sort order of two records; it never loses an article.
      await keyv.set(PREFIX + article.id, record);
      await keyv.set(SEQ_KEY, nextSeq);
      nextSeq += 1;
      return record;
    },
    async all() {
      const records: StoredArticle[] = [];
      if (keyv.iterator === undefined) throw new Error('store cannot list keys');
      for await (const [key, value] of keyv.iterator(undefined)) {
        if (typeof key === 'string' && key.startsWith(PREFIX)) records.push(value as StoredArticle);
      }
      return records.sort((a, b) => a.seq - b.seq || a.article.id.localeCompare(b.article.id));
    },
  };
}
