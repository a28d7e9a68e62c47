import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../src/cli/command.ts';
import { exportCommand } from '../../src/cli/export-command.ts';
import { importCommand } from '../../src/cli/import-command.ts';
import { dispatch } from '../../src/cli/dispatch.ts';
import type { StateExport } from '../../src/ops/state-export.ts';
import { createChannelRepository } from '../../src/store/channel-repository.ts';
import { createFeedRepository } from '../../src/store/feed-repository.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { createPostRepository } from '../../src/store/post-repository.ts';
import { captureIo, tempDir } from '../helpers.ts';
import { redisTestUrl, requireRedis } from './redis-test-url.ts';

const COMMANDS: readonly CliCommand[] = [exportCommand, importCommand];
const REDIS_URL = redisTestUrl(13);
const dir = tempDir('news-digest-export-');
const SQLITE_URL = `sqlite://${join(dir.path, 'state.sqlite')}`;

async function run(argv: string[], storeUrl: string, stdin?: string) {
  const io = captureIo({ cwd: dir.path, env: { STORE_URL: storeUrl }, ...(stdin === undefined ? {} : { stdin }) });
  const code = await dispatch(argv, COMMANDS, io);
  return { code, out: io.out(), err: io.err() };
}

async function withStore<T>(url: string, work: (keyv: Keyv) => Promise<T>): Promise<T> {
  const store = await openKeyv(url, dir.path);
  try {
    return await work(store.keyv);
  } finally {
    await store.close();
  }
}

/** State written through the real repositories, plus a raw record of every other kind of key. */
async function seedState(keyv: Keyv): Promise<void> {
  await createChannelRepository(keyv).put({ channelId: 'world', platform: 'slack', target: 'C0123', cron: '0 8 * * *', lastSlot: '2025-03-01T08:00:00.000Z' });
  await createChannelRepository(keyv).put({ channelId: 'tech', platform: 'discord', target: '123456789012345678', size: 5 });
  await createFeedRepository(keyv).add('https://news.example.com/rss', 'Example News', 'U123', '2025-03-01T07:00:00.000Z');
  await createPostRepository(keyv).record({
    channelId: 'world',
    storyId: 's-abc',
    version: '2',
    articleIds: ['a-1', 'a-2'],
    postedAt: '2025-03-01T08:00:05.000Z',
    messageId: '1740816005.000100',
  });
  await keyv.set('article:a-1', { seq: 1, article: { id: 'a-1', title: 'Ünïcode “quotes” and \\ backslash', body: 'line\nbreak' } });
  await keyv.set('meta:article-seq', 1);
  await keyv.set('outbox:world:1', { attempts: 2, nested: { list: [1, null, true] } });
}

beforeAll(async () => {
  await requireRedis();
  await withStore(SQLITE_URL, seedState);
  await withStore(REDIS_URL, (keyv) => keyv.clear());
});

afterAll(async () => {
  await withStore(REDIS_URL, (keyv) => keyv.clear()).catch(() => undefined);
  dir.remove();
});

const EXPECTED_KEYS = [
  'article:a-1',
  'channel:tech',
  'channel:world',
  'feeds',
  'meta:article-seq',
  'meta:channels',
  'outbox:world:1',
  'post:world:s-abc',
];

function withoutTime(data: StateExport): Omit<StateExport, 'exportedAt'> {
  const { exportedAt: _ignored, ...rest } = data;
  return rest;
}

describe('news-digest export / import', () => {
  it('moves every entry from SQLite to Redis and back unchanged', async () => {
    const exported = await run(['export', '--out', 'backup.json'], SQLITE_URL);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^exported 8 entries from sqlite .*state\.sqlite to .*backup\.json\n$/);
    const fromSqlite = JSON.parse(readFileSync(join(dir.path, 'backup.json'), 'utf8')) as StateExport;
    expect(fromSqlite.format).toBe('news-digest-export');
    expect(fromSqlite.version).toBe(1);
    expect(Number.isNaN(Date.parse(fromSqlite.exportedAt))).toBe(false);
    // Keys come back without the store namespace, so they import into any backend.
    expect(fromSqlite.entries.map((e) => e.key)).toEqual(EXPECTED_KEYS);

    const imported = await run(['import', 'backup.json'], REDIS_URL);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(`imported 8 entries into redis ${REDIS_URL} (exported ${fromSqlite.exportedAt})\n`);

    // The repositories read the imported state as they read the original.
    await withStore(REDIS_URL, async (keyv) => {
      expect(await createChannelRepository(keyv).ids()).toEqual(['world', 'tech']);
      expect((await createFeedRepository(keyv).list()).map((f) => f.url)).toEqual(['https://news.example.com/rss']);
      expect((await createPostRepository(keyv).get('world', 's-abc'))?.messageId).toBe('1740816005.000100');
    });

    const back = await run(['export'], REDIS_URL);
    expect(back.code).toBe(0);
    expect(back.err).toBe(`exported 8 entries from redis ${REDIS_URL}\n`);
    expect(withoutTime(JSON.parse(back.out) as StateExport)).toEqual(withoutTime(fromSqlite));
  });

  it('refuses to mix histories without --replace, and replaces with it', async () => {
    const file = join(dir.path, 'small.json');
    const small: StateExport = {
      format: 'news-digest-export',
      version: 1,
      exportedAt: '2025-03-02T00:00:00.000Z',
      entries: [{ key: 'feeds', value: [] }],
    };
    writeFileSync(file, JSON.stringify(small));
    await withStore(REDIS_URL, (keyv) => keyv.set('meta:article-seq', 7));

    const refused = await run(['import', file], REDIS_URL);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds \d+ entr(y|ies); importing would mix two histories.*--replace/);
    expect(await withStore(REDIS_URL, (keyv) => keyv.get('meta:article-seq'))).toBe(7);

    const replaced = await run(['import', file, '--replace'], REDIS_URL);
    expect(replaced.code).toBe(0);
    const after = await run(['export'], REDIS_URL);
    expect((JSON.parse(after.out) as StateExport).entries).toEqual([{ key: 'feeds', value: [] }]);
  });

  it('reads the export from standard input with "-"', async () => {
    const text = JSON.stringify({ format: 'news-digest-export', version: 1, exportedAt: '2025-03-02T00:00:00Z', entries: [{ key: 'k', value: 1 }] });
    const result = await run(['import', '-', '--replace'], REDIS_URL, text);
    expect(result.code).toBe(0);
    expect(await withStore(REDIS_URL, (keyv) => keyv.get('k'))).toBe(1);
  });

  it('rejects a bad file with every problem listed, before touching the store', async () => {
    await withStore(REDIS_URL, (keyv) => keyv.set('keep', 'me'));
    const file = join(dir.path, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'other', version: 2, exportedAt: 'yesterday', entries: [{ key: 'a', value: 1 }, { key: 'a', value: 2 }, { key: '' }] }),
    );
    const result = await run(['import', file, '--replace'], REDIS_URL);
    expect(result.code).toBe(1);
    expect(result.err).toContain('is not a valid news-digest export');
    expect(result.err).toContain('format: format must be "news-digest-export"');
    expect(result.err).toContain('version: version must be 1');
    expect(result.err).toContain('exportedAt: exportedAt must be an ISO 8601 time');
    expect(result.err).toContain('entries.1.key: duplicate key "a"');
    expect(result.err).toContain('entries.2.key: key must not be empty');
    expect(result.err).toContain('entries.2.value: value is missing');
    expect(await withStore(REDIS_URL, (keyv) => keyv.get('keep'))).toBe('me');

    writeFileSync(file, '{"format": ');
    const notJson = await run(['import', file], REDIS_URL);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/bad\.json is not JSON/);

    const missing = await run(['import', 'nope.json'], REDIS_URL);
    expect(missing.err).toMatch(/cannot read .*nope\.json: file not found/);
  });
});

describe('openKeyv redis', () => {
  it('keeps the password out of the description and fails fast with a plain message when unreachable', async () => {
    // Port 1 on localhost refuses connections; the password must not appear in the error.
    const error = await openKeyv('redis://user:hunter2-secret@127.0.0.1:1/0', dir.path).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^cannot reach redis redis:\/\/127\.0\.0\.1:1\/0: /);
    expect(error?.message).not.toContain('hunter2');
  });
});
