// One bot per SQLite store: a second start is refused with what to do; a lock left by a killed bot is
// taken over. Real processes for the second bot and for the killed one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockInstance } from '../../src/store/instance-lock.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { ROOT, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => dir.remove());
const BIN = join(ROOT, 'bin', 'news-digest.js');

describe('instance lock on a SQLite store', () => {
  it('refuses a second holder while the first runs, and frees the store on close', async () => {
    const file = join(dir.path, 'one.sqlite');
    const first = await openKeyv(`sqlite://${file}`, dir.path, { exclusive: true });
    const refused = await openKeyv(`sqlite://${file}`, dir.path, { exclusive: true }).catch((e: unknown) => e as Error & { code?: string });
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error & { code?: string }).code).toBe('STORE_IN_USE');
    expect((refused as Error).message).toMatch(/a SQLite store serves one bot.*Redis \(STORE_URL=redis:/);
    // CLI commands beside the bot do not take the lock.
    const reader = await openKeyv(`sqlite://${file}`, dir.path);
    await reader.close();
    await first.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    const again = await openKeyv(`sqlite://${file}`, dir.path, { exclusive: true });
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs; not one from another host', () => {
    const file = join(dir.path, 'stale.sqlite');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${file}.lock`, `${gone} ${hostname()}\n`);
    lockInstance(file).release();
    // A restarted container runs as the same pid as the bot that was killed in it.
    writeFileSync(`${file}.lock`, `${process.pid} ${hostname()}\n`);
    lockInstance(file).release();
    writeFileSync(`${file}.lock`, `${gone} some-other-host\n`);
    expect(() => lockInstance(file)).toThrow(/another news-digest \(pid \d+ on some-other-host\)/);
  });

  it('a second `news-digest start` on the same file exits 1 and says why', async () => {
    const env: Record<string, string | undefined> = { ...process.env, STORE_URL: `sqlite://${join(dir.path, 'bot.sqlite')}`, HEALTH_PORT: '0' };
    delete env['NEWS_DIGEST_CONFIG'];
    const first = spawn(process.execPath, [BIN, 'start'], { cwd: ROOT, env });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const listen = (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('running; press Ctrl-C')) resolve();
        };
        first.stdout.on('data', listen);
        first.stderr.on('data', listen);
        first.on('exit', () => reject(new Error(`first bot exited: ${out}`)));
      });
      const second = spawnSync(process.execPath, [BIN, 'start'], { cwd: ROOT, env, timeout: 30_000 });
      expect(second.status).toBe(1);
      expect(second.stderr.toString()).toMatch(/^news-digest start: another news-digest \(pid \d+ on .*\) is running on .*bot\.sqlite/);
    } finally {
      first.kill('SIGKILL');
    }
  }, 60_000);
});
