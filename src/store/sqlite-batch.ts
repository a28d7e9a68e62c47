// Batched, atomic writes for the SQLite store. @keyv/sqlite has no setMany, so keyv falls back to one
// INSERT per key, each its own commit: 70-95 articles/s, and a process killed between an article's
// record and its index left one without the other. Here a batch is one INSERT ... SELECT over a JSON
// array of (key, value) pairs: one statement, so SQLite applies all of it or none of it, with one commit.
import type KeyvSqlite from '@keyv/sqlite';

/** The part of @keyv/sqlite this uses: its query function and table name (both public). */
interface SqliteAdapter {
  query(sql: string, ...parameters: unknown[]): Promise<unknown[]>;
  opts: { table: string };
  setMany?: (entries: { key: string; value: unknown }[]) => Promise<boolean[]>;
}

/**
 * Gives the adapter a setMany that writes every entry in one statement. keyv calls it from
 * keyv.setMany with the keys already namespaced and the values serialized, as its own set() would.
 */
export function installSqliteBatch(store: KeyvSqlite): void {
  const adapter = store as unknown as SqliteAdapter;
  const table = adapter.opts.table;
  // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the upsert, not to a join.
  const upsert =
    `INSERT INTO ${table} (key, value) ` +
    `SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true ` +
    'ON CONFLICT(key) DO UPDATE SET value = excluded.value';
  adapter.setMany = async (entries) => {
    if (entries.length === 0) return [];
    const pairs = entries.map(({ key, value }) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
    await adapter.query(upsert, JSON.stringify(pairs));
    return entries.map(() => true);
  };
}
