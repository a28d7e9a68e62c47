// Articles and where the story engine put them, in arrival order. On start the newsroom reads the active
// window of these records (from activeFrom on) and takes its stories from their stored assignments; the
// archive pruner deletes the oldest (archiveFrom). Other instances sharing the store catch up with
// scan(): `article-at:<seq>` indexes records by sequence number, so catching up reads only what is new.
// A batch of records, their index entries and the counter are written with one setMany: one statement
// on SQLite (sqlite-batch.ts), one MULTI transaction on Redis, so a crash leaves all of a chunk or none.
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
  /** add() for many articles, in order, written in chunks that are each all-or-nothing. */
  addMany(entries: readonly NewArticle[]): Promise<StoredArticle[]>;
  /** Which of these ids are stored. */
  storedOf(ids: readonly string[]): Promise<Set<string>>;
  /** The highest sequence number stored. */
  lastSeq(): Promise<number>;
  /** Records with a sequence number above `seq`, oldest first. */
  since(seq: number): Promise<StoredArticle[]>;
  /** Every stored article, oldest first. */
  all(): Promise<StoredArticle[]>;
  /** Records with a sequence number above `seq`, oldest first, handed over a chunk at a time. */
  scan(seq: number, visit: (chunk: StoredArticle[]) => void | Promise<void>): Promise<void>;
  /** The sequence number a restart starts reading from: the oldest article still in play (1 if never set). */
  activeFrom(): Promise<number>;
  setActiveFrom(seq: number): Promise<void>;
  /** Up to `limit` records from sequence number `seq` on, oldest first (gaps from deletions skipped). */
  range(seq: number, limit: number): Promise<StoredArticle[]>;
  /** Deletes these records and their sequence entries, in one write. */
  remove(records: readonly Pick<StoredArticle, 'seq' | 'article'>[]): Promise<void>;
  /** The sequence number the archive pruner resumes from (1 if never set). */
  archiveFrom(): Promise<number>;
  setArchiveFrom(seq: number): Promise<void>;
}

export interface NewArticle {
  readonly article: Article;
  readonly assignment: Assignment;
  readonly ingestedAt: string;
}

const PREFIX = 'article:';
/** Articles per write: one statement or transaction each (a few MB of text at most). */
const WRITE_CHUNK = 500;
/** Ids per existence lookup. */
const READ_CHUNK = 500;
const AT = 'article-at:';
const SEQ_KEY = 'meta:article-seq';
const ACTIVE_FROM_KEY = 'meta:active-from-seq';
const ARCHIVE_FROM_KEY = 'meta:archive-from-seq';

export function createArticleRepository(keyv: Keyv): ArticleRepository {
  const lastSeq = async () => (await keyv.get<number>(SEQ_KEY)) ?? 0;
  // Index entries, then records, a chunk at a time: two reads per chunk instead of two per article.
  const scanBetween = async (first: number, last: number, visit: (chunk: StoredArticle[]) => void | Promise<void>) => {
    for (let from = first; from <= last; from += READ_CHUNK) {
      const seqs = Array.from({ length: Math.min(READ_CHUNK, last - from + 1) }, (_, k) => from + k);
      const ids = (await keyv.get<string>(seqs.map((n) => AT + n))).filter((id): id is string => typeof id === 'string');
      if (ids.length === 0) continue;
      const found = await keyv.get<StoredArticle>(ids.map((id) => PREFIX + id));
      const chunk = found.filter((record): record is StoredArticle => record !== undefined && record !== null);
      if (chunk.length > 0) await visit(chunk);
    }
  };
  const scan = async (seq: number, visit: (chunk: StoredArticle[]) => void | Promise<void>) => {
    await scanBetween(seq + 1, await lastSeq(), visit);
  };
  const since = async (seq: number) => {
    const records: StoredArticle[] = [];
    await scan(seq, (chunk) => {
      records.push(...chunk);
    });
    return records;
  };
  async function addMany(entries: readonly NewArticle[]): Promise<StoredArticle[]> {
    // Read the counter once per batch, not once per process: another instance may have added since
    // (writers take turns under the ingest lease).
    let seq = await lastSeq();
    const records: StoredArticle[] = [];
    for (let start = 0; start < entries.length; start += WRITE_CHUNK) {
      const chunk = entries.slice(start, start + WRITE_CHUNK).map(({ article, assignment, ingestedAt }) => {
        seq += 1;
        return { seq, article, assignment, ingestedAt };
      });
      await keyv.setMany([
        ...chunk.flatMap((record) => [
          { key: PREFIX + record.article.id, value: record },
          { key: AT + record.seq, value: record.article.id },
        ]),
        { key: SEQ_KEY, value: seq },
      ]);
      records.push(...chunk);
    }
    return records;
  }
  return {
    has: async (id) => (await keyv.get(PREFIX + id)) !== undefined,
    get: async (id) => (await keyv.get<StoredArticle>(PREFIX + id)) ?? undefined,
    add: async (article, assignment, ingestedAt) => (await addMany([{ article, assignment, ingestedAt }]))[0]!,
    addMany,
    async storedOf(ids) {
      const found = new Set<string>();
      for (let start = 0; start < ids.length; start += READ_CHUNK) {
        const chunk = ids.slice(start, start + READ_CHUNK);
        const values = await keyv.get<StoredArticle>(chunk.map((id) => PREFIX + id));
        values.forEach((value, k) => {
          if (value !== undefined && value !== null) found.add(chunk[k]!);
        });
      }
      return found;
    },
    lastSeq,
    since,
    scan,
    activeFrom: async () => Math.max(1, (await keyv.get<number>(ACTIVE_FROM_KEY)) ?? 1),
    setActiveFrom: async (seq) => {
      await keyv.set(ACTIVE_FROM_KEY, seq);
    },
    async range(seq, limit) {
      const last = await lastSeq();
      const records: StoredArticle[] = [];
      const upTo = Math.min(last, seq + limit - 1);
      if (upTo >= seq) {
        await scanBetween(seq, upTo, (chunk) => {
          records.push(...chunk);
        });
      }
      return records;
    },
    async remove(records) {
      if (records.length === 0) return;
      await keyv.deleteMany(records.flatMap((r) => [PREFIX + r.article.id, AT + r.seq]));
    },
    archiveFrom: async () => Math.max(1, (await keyv.get<number>(ARCHIVE_FROM_KEY)) ?? 1),
    setArchiveFrom: async (seq) => {
      await keyv.set(ARCHIVE_FROM_KEY, seq);
    },
    all: () => since(0),
  };
}
