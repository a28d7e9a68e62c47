// `news-digest story` searches the bot's store: only an empty store takes in the configured sources
// (seeds/ in the default config) first. A store in use is not written to by a question.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SEED, tempDir } from '../helpers.ts';

const run = promisify(execFile);
const BIN = join(ROOT, 'bin', 'news-digest.js');
const dir = tempDir();
afterAll(() => dir.remove());

async function cli(args: string[], store: string): Promise<{ stdout: string; code: number }> {
  const env: Record<string, string | undefined> = { ...process.env, STORE_URL: `sqlite://${join(dir.path, store)}` };
  delete env['NEWS_DIGEST_CONFIG'];
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 30_000 });
    return { stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}

describe('news-digest story and the store', () => {
  it('an empty store reads the configured sources; a store in use is searched as it is', async () => {
    const fresh = await cli(['story', 'Bloomberg', 'Hordern'], 'fresh.sqlite');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(new RegExp(SEED.report));

    expect((await cli(['ingest', join(ROOT, 'seeds', `${SEED.pressConference}.txt`)], 'used.sqlite')).code).toBe(0);
    const used = await cli(['story', 'Bloomberg', 'Hordern'], 'used.sqlite');
    expect(used.code).toBe(1);
    expect(used.stdout).toMatch(/^No story matches "Bloomberg Hordern"/);
    const stats = await cli(['ingest', join(ROOT, 'seeds')], 'used.sqlite');
    expect(stats.stdout).toMatch(/^4 new .*1 already stored/);
  });
});
