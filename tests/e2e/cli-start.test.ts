// `news-digest start` as a real process: prints the seeds digest with no tokens, stops cleanly on
// SIGTERM and SIGINT, and never prints a token even when a platform fails to connect.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const BIN = join(ROOT, 'bin', 'news-digest.js');

async function runUntil(signal: NodeJS.Signals, env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: ROOT,
    env: { ...process.env, STORE_URL: 'memory:', HEALTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!ready.test(err) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  child.kill(signal);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, out, err };
}

describe('news-digest start', () => {
  it('prints the digest of seeds/ with no tokens and exits 0 on SIGTERM', async () => {
    const { code, out, err } = await runUntil('SIGTERM', {}, /running; press Ctrl-C/);
    expect(out).toMatch(/news-digest: \d stor(y|ies)/);
    expect(out).toMatch(/\[1\]/);
    expect(err).toMatch(/SIGTERM: stopping/);
    expect(err).toMatch(/stopped/);
    expect(code).toBe(0);
  });

  it('exits 0 on Ctrl-C (SIGINT)', async () => {
    const { code } = await runUntil('SIGINT', {}, /running; press Ctrl-C/);
    expect(code).toBe(0);
  });

  it('never prints tokens, even when Slack and Discord cannot be reached', async () => {
    const slackToken = 'xoxb-123456789012-123456789012-abcdefghijklmnopqrstuvwx';
    const secret = '0123456789abcdef0123456789abcdef';
    const discordToken = 'MTExMTExMTExMTExMTExMTEx.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';
    const { err, out } = await runUntil(
      'SIGTERM',
      {
        SLACK_BOT_TOKEN: slackToken,
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        PORT: '0',
        DISCORD_TOKEN: discordToken,
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
        DEBUG: '1',
      },
      /running; press Ctrl-C/,
    );
    const all = out + err;
    expect(all).toMatch(/slack|discord/i);
    for (const token of [slackToken, secret, discordToken]) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.slice(-12));
    }
  });
});
