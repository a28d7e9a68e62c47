// SIGKILL during `news-digest ingest` into a real SQLite file, at several points: every article the store
// counts has its record and index entry, nothing is stored half, and the next run stores the rest. Each
// batch of articles is one SQL statement (src/store/sqlite-batch.ts), so a kill leaves all of it or none.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../src/store/article-repository.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { dailyEvents } from '../digest/daily-events.ts';
import { ROOT, tempDir } from '../helpers.ts';

const BIN = join(ROOT, 'bin', 'news-digest.js');
const dir = tempDir();
afterAll(() => dir.remove());
const storeFile = join(dir.path, 'kill.sqlite');
const env = { ...process.env, STORE_URL: `sqlite://${storeFile}` };
delete (env as Record<string, string | undefined>).NEWS_DIGEST_CONFIG;

/** Starts an ingest and kills it once its progress line reaches `percent`; resolves when it is gone. */
function ingestKilledAt(input: string, percent: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', input], { cwd: dir.path, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const seen = [...stderr.matchAll(/ingesting: (\d+)\/(\d+)/g)].map((m) => Number(m[1]) / Number(m[2]));
      if (seen.some((share) => share * 100 >= percent)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(stderr));
  });
}

async function consistency() {
  const store = await openKeyv(`sqlite://${storeFile}`, dir.path);
  try {
    const repository = createArticleRepository(store.keyv);
    const last = await repository.lastSeq();
    const records = await repository.since(0);
    return { last, seqs: records.map((r) => r.seq), ids: records.map((r) => r.article.id), titles: records.map((r) => r.article.title) };
  } finally {
    await store.close();
  }
}

describe('SIGKILL during ingest', () => {
  it('leaves a consistent store at every kill, and the next run stores every article once', async () => {
    const input = join(dir.path, 'input');
    mkdirSync(input);
    const articles = dailyEvents(400);
    for (let k = 0; k < 3; k += 1) writeFileSync(join(input, `part-${k}.json`), JSON.stringify(articles.slice(k * 800, (k + 1) * 800)));

    let stored = 0;
    for (const percent of [30, 60, 90]) {
      await ingestKilledAt(input, percent);
      const { last, seqs, ids } = await consistency();
      // Every counted sequence number has its record, in order, and no record is stored twice.
      expect(seqs).toEqual(Array.from({ length: last }, (_, k) => k + 1));
      expect(new Set(ids).size).toBe(ids.length);
      expect(last).toBeGreaterThanOrEqual(stored);
      stored = last;
    }
    // The kills landed mid-run: some batches were stored, not all.
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(articles.length);

    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'ingest', input], { cwd: dir.path, env, timeout: 120_000 });
    expect(stdout).toMatch(new RegExp(`^${articles.length - stored} new .*, ${stored} already stored`));
    const { last, ids, titles } = await consistency();
    expect(last).toBe(articles.length);
    expect(new Set(ids).size).toBe(articles.length);
    expect(new Set(titles)).toEqual(new Set(articles.map((a) => a.title)));
  }, 180_000);
});
