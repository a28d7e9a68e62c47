// The running bot with the console sink and a real SQLite file: posts once, and a restart re-posts nothing.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/run-bot.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { Logger } from '../../src/ops/logger.ts';
import { ROOT, tempDir } from '../helpers.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function captured() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logs: string[] = [];
  const logger: Logger = {
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m, e) => logs.push(`error ${m} ${String(e)}`),
  };
  return { out, logger, logs, text: () => text };
}

describe('the bot (console channel, SQLite store)', () => {
  it('prints the digest at start, keeps state across restarts and does not re-post', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const loaded = loadConfig({ env: { STORE_URL: `sqlite://${join(dir.path, 'bot.sqlite')}` }, cwd: ROOT });

    const first = captured();
    const bot = await startBot({ loaded, logger: first.logger, out: first.out, cwd: ROOT });
    await bot.stop();
    expect(first.text()).toMatch(/# terminal · .* UTC\nnews-digest: \d stor/);
    expect(first.text()).toContain('000_9c4c1829c626691f.txt');
    expect(first.logs.some((l) => /ingested 5 new articles/.test(l))).toBe(true);
    expect(first.logs.some((l) => /next digest for terminal: \d{4}-/.test(l))).toBe(true);
    expect(first.logs.filter((l) => l.startsWith('error'))).toEqual([]);

    const second = captured();
    const again = await startBot({ loaded, logger: second.logger, out: second.out, cwd: ROOT });
    await again.stop();
    expect(second.text()).toMatch(/# terminal: nothing new since the last digest/);
    expect(second.text()).not.toContain('000_9c4c1829c626691f.txt');
    expect(second.logs.some((l) => /ingested/.test(l))).toBe(false);
  });

  it('skips a channel whose platform is not available and still serves the others', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const base = loadConfig({ env: { STORE_URL: 'memory:' }, cwd: ROOT });
    const loaded = {
      ...base,
      config: {
        ...base.config,
        channels: [
          { id: 'news', platform: 'slack' as const, target: 'C123', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, size: 5 },
          ...base.config.channels,
        ],
      },
    };
    const run = captured();
    const bot = await startBot({ loaded, logger: run.logger, out: run.out, cwd: ROOT });
    await bot.stop();
    expect(run.logs.some((l) => /warn channel news: no slack connection \(token not set\); skipped/.test(l))).toBe(true);
    expect(run.text()).toMatch(/# terminal · /);
  });
});
