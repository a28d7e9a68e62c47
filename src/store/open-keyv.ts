// Open the key-value store named by a STORE_URL. keyv gives every backend the same small interface,
// so the repositories above it do not care whether state lives in SQLite, Redis or memory.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { UserError } from '../domain/errors.ts';

/** All keys live under one namespace so a shared SQLite file or Redis database stays tidy. */
const NAMESPACE = 'news-digest';
/** SQLite waits this long for a lock held by another process (a CLI run beside the bot) before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface OpenedStore {
  readonly keyv: Keyv;
  /** Human-readable location for logs: never contains credentials. */
  readonly describe: string;
  close(): Promise<void>;
}

export async function openKeyv(url: string, baseDir: string): Promise<OpenedStore> {
  if (url === 'memory:' || url.startsWith('memory:')) {
    const keyv = new Keyv({ namespace: NAMESPACE });
    return { keyv, describe: 'memory', close: async () => {} };
  }
  if (url.startsWith('sqlite:')) {
    const file = sqliteFile(url, baseDir);
    mkdirSync(dirname(file), { recursive: true });
    const store = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS });
    const keyv = new Keyv({ store, namespace: NAMESPACE });
    // Surface connection problems (unwritable folder, corrupt file) now, not on the first write.
    await keyv.get('meta:ping');
    return { keyv, describe: `sqlite ${file}`, close: () => keyv.disconnect() };
  }
  throw new UserError('STORE_UNSUPPORTED', `store URL scheme not supported yet: ${url.split(':')[0]}: (use sqlite: or memory:)`);
}

/** sqlite://data/x.sqlite is relative to baseDir; sqlite:///abs/x.sqlite is absolute. */
function sqliteFile(url: string, baseDir: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  if (path === '') throw new UserError('STORE_URL_INVALID', 'sqlite store URL needs a file path, e.g. sqlite://data/news.sqlite');
  return isAbsolute(path) ? path : resolve(baseDir, path);
}
