import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctorCommand } from '../../src/cli/doctor-command.ts';
import { dispatch } from '../../src/cli/dispatch.ts';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { createFeedRepository } from '../../src/store/feed-repository.ts';
import { captureIo, SEEDS, tempDir } from '../helpers.ts';
import { closedPort as unusedPort, listenLocal, type LocalHttp } from '../local-http.ts';

// Synthetic values in real token formats; none is a live credential.
const SLACK_BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const SLACK_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const DISCORD = 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GhIjKl.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

const dir = tempDir('news-digest-doctor-');
let server: LocalHttp;
let base = '';
// A port nothing listens on: a server bound and closed again.
let closedPort = 0;

beforeAll(async () => {
  server = await listenLocal((request, response) => {
    if (request.url === '/feed.xml' && request.method === 'HEAD') {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end();
    } else if (request.url === '/get-only.xml') {
      // Some feed hosts refuse HEAD; the doctor must retry with GET before calling the feed broken.
      if (request.method === 'HEAD') response.writeHead(405).end();
      else response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss></rss>');
    } else if (request.url === '/slow.xml') {
      setTimeout(() => response.writeHead(200).end(), 2_000);
    } else {
      response.writeHead(404).end();
    }
  });
  base = server.origin;
  closedPort = await unusedPort();
  mkdirSync(join(dir.path, 'empty'));
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

function writeConfig(name: string, yaml: string): string {
  const file = join(dir.path, name);
  writeFileSync(file, yaml);
  return file;
}

async function doctor(config: string, env: Record<string, string>) {
  const io = captureIo({ cwd: dir.path, env: { STORE_URL: `sqlite://${join(dir.path, 'doctor.sqlite')}`, ...env } });
  const command = createDoctorCommand({ feedTimeoutMs: 500 });
  const code = await dispatch(['doctor', '--config', config], [command], io);
  return { code, out: io.out(), err: io.err() };
}

/** The test feeds listen on 127.0.0.1, which the bot refuses unless the config allows it. */
const ALLOW_LOOPBACK = 'feeds:\n  allowAddresses: ["127.0.0.1"]\n';

const channel = (platform: string) => `
  - id: ${platform}-news
    platform: ${platform}
    target: C0123456
    schedule: { cron: "0 8 * * *", timezone: UTC }`;

describe('news-digest doctor', () => {
  it('passes every check on a healthy setup and exits 0', async () => {
    const config = writeConfig(
      'good.yaml',
      `sources:
  - type: files
    path: ${SEEDS}
  - type: feed
    url: ${base}/feed.xml
  - type: feed
    url: ${base}/get-only.xml
channels:${channel('console')}${channel('slack')}${channel('discord')}
${ALLOW_LOOPBACK}`,
    );
    const result = await doctor(config, { SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SLACK_SECRET, DISCORD_TOKEN: DISCORD });
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^ok {7}config: .*good\.yaml is valid \(3 sources, 3 channels\)$/m);
    expect(result.out).toMatch(/^ok {7}store: sqlite .*doctor\.sqlite opens; a test write, read and delete worked$/m);
    expect(result.out).toMatch(/^ok {7}tokens: every token the channels need is set and well-formed$/m);
    expect(result.out).toContain('SLACK_BOT_TOKEN set');
    expect(result.out).toContain('SLACK_SIGNING_SECRET set');
    expect(result.out).toContain('DISCORD_TOKEN set');
    expect(result.out).toMatch(/^ok {7}feeds: all 2 feeds answered$/m);
    expect(result.out).toContain(`ok ${base}/get-only.xml: HTTP 200`);
    expect(result.out).toMatch(/^ok {7}files: every file source has articles$/m);
    expect(result.out).toMatch(/ok .*seeds: 5 articles/);
    expect(result.out.trimEnd().split('\n').at(-1)).toBe('All checks passed.');
    expect(result.code).toBe(0);
    for (const secret of [SLACK_BOT, SLACK_SECRET, DISCORD, 'AbCdEf', 'xoxb-1', 'MTEy']) expect(result.out).not.toContain(secret);
  });

  it('says in plain words what is wrong with tokens, feeds and files, and exits 1', async () => {
    const config = writeConfig(
      'bad.yaml',
      `sources:
  - type: files
    path: empty
  - type: files
    path: missing-folder
  - type: feed
    url: ${base}/gone.xml
  - type: feed
    url: http://127.0.0.1:${closedPort}/feed.xml
  - type: feed
    url: ${base}/slow.xml
channels:${channel('slack')}${channel('discord')}
${ALLOW_LOOPBACK}`,
    );
    // The bot token has the wrong prefix (a user token), the Discord token has the "Bot " prefix pasted in.
    const userToken = 'xoxp-1111111111-2222222222-abcdefABCDEF';
    const result = await doctor(config, { SLACK_BOT_TOKEN: userToken, DISCORD_TOKEN: `Bot ${DISCORD}` });
    expect(result.code).toBe(1);
    // The config check passes: token shapes are the token check's business, so they do not hide config problems.
    expect(result.out).toMatch(/^ok {7}config: /m);
    expect(result.out).toMatch(/^problem {2}tokens: 3 tokens missing or malformed:$/m);
    expect(result.out).toContain('SLACK_BOT_TOKEN malformed (a Slack bot token starts with "xoxb-")');
    expect(result.out).toContain('SLACK_SIGNING_SECRET missing (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)');
    expect(result.out).toContain('DISCORD_TOKEN malformed (remove the "Bot " or "Bearer " prefix)');
    expect(result.out).toMatch(/^problem {2}feeds: 3 of 3 feeds with problems:$/m);
    expect(result.out).toContain(`problem ${base}/gone.xml: HTTP 404 Not Found`);
    expect(result.out).toContain(`problem http://127.0.0.1:${closedPort}/feed.xml: connection refused`);
    expect(result.out).toContain(`problem ${base}/slow.xml: no answer within 0.5 s`);
    expect(result.out).toMatch(/^problem {2}files: some file sources have no articles:$/m);
    expect(result.out).toMatch(/problem .*empty: no articles found/);
    expect(result.out).toMatch(/problem .*missing-folder: no articles found \(.+\)/);
    expect(result.out.trimEnd().split('\n').at(-1)).toBe('3 of 5 checks found problems.');
    for (const secret of [userToken, DISCORD, 'AbCdEf', 'MTEy', 'abcdefABCDEF']) expect(result.out).not.toContain(secret);
  });

  it('lists every config problem and does not run the checks that need a config', async () => {
    const config = writeConfig(
      'broken.yaml',
      `channels:
  - id: "bad id"
    platform: telegram
    schedule: { cron: "every morning", timezone: Mars/Olympus }
store: { url: "ftp://nowhere" }
`,
    );
    const result = await doctor(config, {});
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^problem {2}config: .*broken\.yaml has problems:$/m);
    expect(result.out).toContain('channels.0.id: may use letters');
    expect(result.out).toContain('channels.0.platform:');
    expect(result.out).toContain('channels.0.schedule.cron: is not a valid cron expression');
    expect(result.out).toContain('channels.0.schedule.timezone: is not an IANA time zone');
    expect(result.out).toContain('store.url: must start with sqlite:, redis:, rediss: or memory:');
    for (const name of ['store', 'tokens', 'feeds', 'files']) {
      expect(result.out).toMatch(new RegExp(`^problem {2}${name}: not checked: fix the config first$`, 'm'));
    }
  });

  it('reports an unreachable store, and probes feeds added from chat', async () => {
    const storeUrl = `sqlite://${join(dir.path, 'chat-feeds.sqlite')}`;
    const store = await openKeyv(storeUrl, dir.path);
    await createFeedRepository(store.keyv).add(`${base}/added-in-chat.xml`, 'Chat feed', 'U1', '2025-03-01T00:00:00Z');
    await store.close();
    const config = writeConfig('console.yaml', `channels:${channel('console')}\n${ALLOW_LOOPBACK}`);
    const io = captureIo({ cwd: dir.path, env: { STORE_URL: storeUrl } });
    await dispatch(['doctor', '--config', config], [createDoctorCommand({ feedTimeoutMs: 500 })], io);
    expect(io.out()).toContain(`problem ${base}/added-in-chat.xml: HTTP 404`);
    expect(io.out()).toMatch(/^ok {7}tokens: none needed \(no Slack or Discord channels\)$/m);

    const unused = await doctor(config, { SLACK_BOT_TOKEN: 'xoxp-not-a-bot-token-123', DISCORD_TOKEN: DISCORD });
    expect(unused.out).toMatch(/^problem {2}tokens: 1 token missing or malformed:$/m);
    expect(unused.out).toContain('SLACK_BOT_TOKEN malformed (a Slack bot token starts with "xoxb-"); no channel uses it: fix or unset it');
    expect(unused.out).toContain('DISCORD_TOKEN is set but no channel uses it');

    const down = await doctor(config, { STORE_URL: 'redis://:pw-hunter2@127.0.0.1:1/0' });
    expect(down.code).toBe(1);
    expect(down.out).toMatch(/^problem {2}store: cannot reach redis at 127\.0\.0\.1:1: connection refused \(nothing listens on that port\); is Redis running there\?/m);
    expect(down.out).not.toMatch(/throwOnConnectError|Redis client/);
    expect(down.out).not.toContain('hunter2');
  });

  it('reports a feed the bot would refuse (loopback, not allowed) even though it answers, and says how to allow it', async () => {
    const feeds = `sources:\n  - type: feed\n    url: ${base}/feed.xml\nchannels:${channel('console')}\n`;
    const strict = await doctor(writeConfig('strict.yaml', feeds), {});
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/^problem {2}feeds: 1 of 1 feed with problems:$/m);
    expect(strict.out).toContain(`problem ${base}/feed.xml: the bot refuses this feed: 127.0.0.1 is a private, loopback`);
    expect(strict.out).toContain('feeds.allowAddresses');
    const allowed = await doctor(writeConfig('allowed.yaml', `${feeds}${ALLOW_LOOPBACK}`), {});
    expect(allowed.out).toContain(`ok ${base}/feed.xml: HTTP 200`);
    const intranet = await doctor(writeConfig('intranet.yaml', `${feeds}feeds:\n  allowPrivateAddresses: true\n`), {});
    expect(intranet.out).toContain(`ok ${base}/feed.xml: HTTP 200`);
  });

  it('says what is wrong with a Slack token that has the right prefix but not the rest', async () => {
    const config = writeConfig('slack.yaml', `channels:${channel('slack')}\n`);
    const result = await doctor(config, { SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: SLACK_SECRET });
    expect(result.code).toBe(1);
    expect(result.out).toContain('SLACK_BOT_TOKEN malformed (it starts with "xoxb-" but is cut short or holds characters a Slack token never has: copy the whole Bot User OAuth Token (OAuth & Permissions) again)');
    expect(result.out).not.toContain('a Slack bot token starts with "xoxb-"');
    expect(result.out).not.toContain('xoxb-bad');
  });

  it('tells a Redis port that answers but is not usable from one that is closed', async () => {
    const notRedis = await listenLocal((_request, response) => response.end());
    try {
      const result = await doctor(writeConfig('console2.yaml', `channels:${channel('console')}\n`), {
        STORE_URL: `redis://:secret-pw@127.0.0.1:${notRedis.port}/0`,
      });
      expect(result.out).toMatch(new RegExp(`^problem {2}store: redis at 127\\.0\\.0\\.1:${notRedis.port} accepts connections but`, 'm'));
      expect(result.out).toContain('check the password');
      expect(result.out).not.toContain('secret-pw');
    } finally {
      await notRedis.close();
    }
  });
});
