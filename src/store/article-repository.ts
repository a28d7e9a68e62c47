// Articles and where the story engine put them, in arrival order. The engine is rebuilt on start by
// replaying these records in `seq` order, which reproduces the same story ids (the engine is
// deterministic). Other instances sharing the store catch up with since(): `article-at:<seq>` indexes
// records by sequence number, so catching up reads only what is new.
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
  /**
   * Stores the article with the next sequence number and returns the record. Callers serialize adds
   * (one writer at a time: the ingest lease when several instances share the store).
   */
  add(article: Article, assignment: Assignment, ingestedAt: string): Promise<StoredArticle>;
  /** The highest sequence number stored. */
  lastSeq(): Promise<number>;
  /** Records with a sequence number above `seq`, oldest first. */
  since(seq: number): Promise<StoredArticle[]>;
  /** Every stored article, oldest first. */
  all(): Promise<StoredArticle[]>;
}

const PREFIX = 'article:';
const AT = 'article-at:';
const SEQ_KEY = 'meta:article-seq';

export function createArticleRepository(keyv: Keyv): ArticleRepository {
  const lastSeq = async () => (await keyv.get<number>(SEQ_KEY)) ?? 0;
  const since = async (seq: number) => {
    const last = await lastSeq();
    const records: StoredArticle[] = [];
    for (let n = seq + 1; n <= last; n += 1) {
      const id = await keyv.get<string>(AT + n);
      const record = id === undefined ? undefined : await keyv.get<StoredArticle>(PREFIX + id);
      if (record !== undefined && record !== null) records.push(record);
    }
    return records;
  };
  return {
    has: async (id) => (await keyv.get(PREFIX + id)) !== undefined,
    get: async (id) => (await keyv.get<StoredArticle>(PREFIX + id)) ?? undefined,
    async add(article, assignment, ingestedAt) {
      // Read the counter each time, not once per process: another instance may have added since.
      const seq = (await lastSeq()) + 1;
      const record: StoredArticle = { seq, article, assignment, ingestedAt };
      // Record and index first, counter last: a crash in between leaves a record no reader counts yet,
      // which the next add overwrites at the same seq; it never leaves a counted seq without a record.
      await keyv.set(PREFIX + article.id, record);
      await keyv.set(AT + seq, article.id);
      await keyv.set(SEQ_KEY, seq);
      return record;
    },
    lastSeq,
    since,
    all: () => since(0),
  };
}
