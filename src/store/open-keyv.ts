// Open the key-value store named by a STORE_URL. keyv gives every backend the same small interface,
// so the repositories above it do not care whether state lives in SQLite, Redis or memory.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { type default as KeyvRedis, createKeyv as createRedisKeyv } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { UserError } from '../domain/errors.ts';
import { KEYV_JSON } from './keyv-json.ts';
import { lockInstance } from './instance-lock.ts';
import { installSqliteBatch } from './sqlite-batch.ts';
import { createMemoryLocks, createRedisLocks, type Locks, type RedisLike } from './locks.ts';

/** All keys live under one namespace so a shared SQLite file or Redis database stays tidy. */
const NAMESPACE = 'news-digest';
/** SQLite waits this long for a lock held by another process (a CLI run beside the bot) before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** A Redis that is down or unreachable fails the open within this time instead of retrying forever. */
const REDIS_CONNECT_TIMEOUT_MS = 5_000;

export interface OpenedStore {
  readonly keyv: Keyv;
  /** Leases shared by every process using this store (in-process only for SQLite and memory). */
  readonly locks: Locks;
  /** Human-readable location for logs: never contains credentials. */
  readonly describe: string;
  close(): Promise<void>;
}

export interface OpenKeyvOptions {
  /** The running bot: take the store for this process alone (SQLite; see instance-lock.ts). */
  readonly exclusive?: boolean;
}

export async function openKeyv(url: string, baseDir: string, options: OpenKeyvOptions = {}): Promise<OpenedStore> {
  if (url === 'memory:' || url.startsWith('memory:')) {
    const keyv = new Keyv({ namespace: NAMESPACE, ...KEYV_JSON });
    return { keyv, locks: createMemoryLocks(), describe: 'memory', close: async () => {} };
  }
  if (url.startsWith('sqlite:')) {
    const file = sqliteFile(url, baseDir);
    mkdirSync(dirname(file), { recursive: true });
    const lock = options.exclusive === true ? lockInstance(file) : undefined;
    const store = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS });
    installSqliteBatch(store);
    const keyv = new Keyv({ store, namespace: NAMESPACE, ...KEYV_JSON });
    // keyv turns a failed query (a lock held past the busy timeout, a full disk) into `false` on write and
    // "missing" on read unless told to throw: work would be reported done that was never stored.
    keyv.throwOnErrors = true;
    // Surface connection problems (unwritable folder, corrupt file) now, not on the first write.
    try {
      await keyv.get('meta:ping');
    } catch (error) {
      lock?.release();
      throw error;
    }
    // One bot per SQLite file: the file is local to one host, so in-process leases are enough.
    const close = async () => {
      await keyv.disconnect();
      lock?.release();
    };
    return { keyv, locks: createMemoryLocks(), describe: `sqlite ${file}`, close };
  }
  if (url.startsWith('redis:') || url.startsWith('rediss:')) {
    // throwOnErrors: by default @keyv/redis turns a failed command into `undefined`, which would make a
    // lost connection look like an empty store (and a failed write look like a success).
    const keyv = createRedisKeyv(url, {
      namespace: NAMESPACE,
      throwOnConnectError: true,
      throwOnErrors: true,
      connectionTimeout: REDIS_CONNECT_TIMEOUT_MS,
    });
    keyv.throwOnErrors = true;
    keyv.serialize = KEYV_JSON.serialize;
    keyv.deserialize = KEYV_JSON.deserialize;
    const describe = `redis ${withoutCredentials(url)}`;
    // The client's error events say what went wrong (refused, wrong password); the error the first read
    // throws only says that it never connected.
    let firstError: unknown;
    const noteError = (error: unknown) => {
      firstError ??= error;
    };
    keyv.on('error', noteError);
    try {
      await keyv.get('meta:ping');
    } catch (error) {
      // The connect error below is the one worth reporting; a second one from closing the dead client is not.
      await keyv.disconnect().catch(() => undefined);
      const code = /^(WRONGPASS|NOAUTH|ERR AUTH)/.test(messageOf(firstError)) ? 'STORE_AUTH_FAILED' : 'STORE_UNREACHABLE';
      const what = code === 'STORE_AUTH_FAILED' ? 'cannot log in to' : 'cannot reach';
      throw new UserError(code, `${what} ${describe}: ${plainRedisReason(firstError ?? error)}`, {}, { cause: error });
    } finally {
      keyv.off('error', noteError);
    }
    const client = (keyv.store as KeyvRedis<unknown>).client as unknown as RedisLike;
    return { keyv, locks: createRedisLocks(client), describe, close: () => keyv.disconnect() };
  }
  throw new UserError('STORE_UNSUPPORTED', `store URL scheme not supported yet: ${url.split(':')[0]}: (use sqlite:, redis: or memory:)`);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error ?? ''));

/** The Redis client's reason in a user's words: what failed, and what to check. */
function plainRedisReason(error: unknown): string {
  const message = messageOf(error);
  if (/ECONNREFUSED/.test(message)) return 'connection refused (is Redis running on that host and port?)';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'host name not found';
  if (/timed out/i.test(message)) return 'no answer in time (host down or a firewall in the way?)';
  if (/^(WRONGPASS|NOAUTH|ERR AUTH)/.test(message)) return 'the password (or user) in the URL is wrong or not set on the server';
  return message;
}

/** sqlite://data/x.sqlite is relative to baseDir; sqlite:///abs/x.sqlite is absolute. */
function sqliteFile(url: string, baseDir: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  if (path === '') throw new UserError('STORE_URL_INVALID', 'sqlite store URL needs a file path, e.g. sqlite://data/news.sqlite');
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** redis://user:secret@host:6379/2 -> redis://host:6379/2, so logs and errors never carry the password. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    // An unparsable URL may still hold a password; say only which scheme it was.
    return `${url.split(':')[0] ?? 'redis'}://(unparsable URL)`;
  }
}
