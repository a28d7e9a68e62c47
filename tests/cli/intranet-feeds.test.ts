// Issue 19, "feeds on an intranet or loopback address": the allow settings are findable, the refusal
// says how to allow, a wrong key lists the valid ones, and `feed check` / `feed health` read the config.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { listenLocal, type LocalHttp } from '../local-http.ts';
import { runBin } from './run-bin.ts';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Intranet news</title><link>http://intranet/</link>
<item><title>Canteen opens</title><link>http://intranet/a</link><description>The canteen opens on Monday.</description></item>
</channel></rss>`;

const PAGE = `<html><head><title>Canteen opens</title></head><body><article><h1>Canteen opens</h1>
<p>The staff canteen in the main building opens on Monday with a new menu, longer hours and seats for two hundred people.</p>
<p>Breakfast is served from seven, lunch from half past eleven, and the coffee bar stays open until five in the afternoon.</p>
</article></body></html>`;

const dir = tempDir('news-digest-intranet-');
let server: LocalHttp;

const CHANNEL = `channels:
  - id: terminal
    platform: console
    schedule: { cron: "0 8 * * *", timezone: UTC }
store:
  url: "memory:"
`;

beforeAll(async () => {
  server = await listenLocal((request, response) => {
    if (request.url === '/feed.xml') response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(RSS);
    else if (request.url === '/page.html') response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    else response.writeHead(404).end();
  });
  writeFileSync(join(dir.path, 'allow.yaml'), `${CHANNEL}feeds:\n  allowAddresses: ["127.0.0.1"]\n`);
  writeFileSync(join(dir.path, 'strict.yaml'), CHANNEL);
  writeFileSync(join(dir.path, 'typo.yaml'), `${CHANNEL}feeds:\n  allow: ["127.0.0.1"]\n`);
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('feeds on an intranet or loopback address', () => {
  it('documents feeds.allowAddresses and feeds.allowPrivateAddresses in the README, default.yaml and --help', async () => {
    for (const file of ['README.md', 'config/default.yaml']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).toContain('allowAddresses');
      expect(text, file).toContain('allowPrivateAddresses');
    }
    const help = await runBin(['feed', '--help'], { cwd: dir.path });
    expect(help.stdout).toContain('allowAddresses');
    expect(help.stdout).toContain('allowPrivateAddresses');
    expect(help.stdout).toContain('--config');
  });

  it('refuses a loopback feed and says which setting allows it', async () => {
    const result = await runBin(['feed', 'check', `${server.origin}/feed.xml`, '--config', 'strict.yaml'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FETCH_BLOCKED_ADDRESS: 127.0.0.1 is a private, loopback');
    expect(result.stderr).toContain('feeds.allowAddresses');
    expect(result.stderr).toContain('feeds.allowPrivateAddresses: true');
  });

  it('reads the allow-list from --config and from NEWS_DIGEST_CONFIG in feed check and feed health', async () => {
    const flag = await runBin(['feed', 'check', `${server.origin}/feed.xml`, '--config', 'allow.yaml'], { cwd: dir.path });
    expect(flag.stderr).toBe('');
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain('Intranet news  [rss, 1 items]');
    const env = await runBin(['feed', 'check', `${server.origin}/feed.xml`], { cwd: dir.path, env: { NEWS_DIGEST_CONFIG: 'allow.yaml' } });
    expect(env.code).toBe(0);
    expect(env.stdout).toContain('Canteen opens');
    const health = await runBin(['feed', 'health', '--config', 'allow.yaml'], { cwd: dir.path });
    expect(health.stderr).toBe('');
    expect(health.code).toBe(0);
    expect(health.stdout).toContain('no feed has been polled yet');
  });

  it('rejects a wrong key under feeds with the valid keys and the closest ones', async () => {
    const result = await runBin(['digest', '--config', 'typo.yaml'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('feeds: unknown key "allow" (did you mean "allowAddresses" or "allowPrivateAddresses"?)');
    expect(result.stderr).toContain('valid keys here: pollIntervalMinutes, teaserWords, allowPrivateAddresses, allowAddresses');
  });

  it('extract reads the same allow-list', async () => {
    const url = `${server.origin}/page.html`;
    const refused = await runBin(['extract', url, '--config', 'strict.yaml'], { cwd: dir.path });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('feeds.allowAddresses');
    const allowed = await runBin(['extract', url, '--config', 'allow.yaml'], { cwd: dir.path });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('The staff canteen in the main building opens on Monday');
  });
});
