// Two real bot processes share one real Redis, with a feed of four unrelated events: each scheduled digest goes out exactly once, the feed is
// polled once, and killing the instance that is posting in the middle of a digest loses nothing and
// doubles nothing (the other one takes over when its lease runs out).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { useRedisTestDb } from '../redis-test-db.ts';

const { url: REDIS_URL, client: redis } = useRedisTestDb(11);
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
/** The stand-in Slack holds each chat.postMessage answer this long, so a kill lands mid-digest. */
const POST_DELAY_MS = 600;

interface Post {
  readonly channel: string;
  readonly text: string;
}

/** A port nothing listens on right now, for an instance's Slack HTTP endpoint. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

function slackStandIn(posts: Post[]): Server {
  let ts = 0;
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      const params = new URLSearchParams(body);
      const reply = (payload: object) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, ...payload }));
      };
      if (method === 'chat.postMessage') {
        // Recorded on arrival: from here on the channel shows the message, whatever happens to the sender.
        posts.push({ channel: params.get('channel') ?? '', text: params.get('text') ?? '' });
        setTimeout(() => reply({ channel: params.get('channel'), ts: `1700000000.${String(++ts).padStart(6, '0')}` }), POST_DELAY_MS);
        return;
      }
      reply({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: { id: 'U1', is_admin: false } });
    });
  });
}

// Four unrelated events, so the expected stories do not depend on clustering thresholds.
const ITEMS = [
  ['Volcano erupts near Grindavik', 'A volcano erupted near the Icelandic town of Grindavik on Friday, sending lava toward homes and roads.'],
  ['Central bank raises interest rates', 'The European Central Bank raised its main interest rate by a quarter point on Thursday to fight inflation.'],
  ['Underdogs win the cup final', 'The second-division side beat the champions 2-1 in the cup final at Wembley on Saturday afternoon.'],
  ['Storm cuts power to thousands', 'A winter storm with gusts of 120 km/h cut power to 40,000 homes along the Atlantic coast overnight.'],
] as const;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>http://example.invalid/</link>
${ITEMS.map(([title, text], i) => `<item><title>${title}</title><link>http://example.invalid/n${i}</link><guid>n${i}</guid><description>${text}</description></item>`).join('\n')}
</channel></rss>`;

const dir = tempDir();
const posts: Post[] = [];
let feedRequests = 0;
const slack = slackStandIn(posts);
const feed = createServer((_req, res) => {
  feedRequests += 1;
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.end(FEED);
});
const children: ChildProcess[] = [];
const logs = new Map<ChildProcess, string>();

function startInstance(configFile: string, slackPort: number, port: number): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'news-digest.js'), 'start', '--config', configFile], {
    cwd: dir.path,
    env: {
      ...process.env,
      STORE_URL: REDIS_URL,
      SLACK_BOT_TOKEN: 'xoxb-1-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      PORT: String(port),
      HEALTH_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  logs.set(child, '');
  const append = (chunk: Buffer) => logs.set(child, (logs.get(child) ?? '') + chunk.toString());
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  children.push(child);
  return child;
}

async function until<T>(what: () => T | undefined | false | Promise<T | undefined | false>, label: string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${label}\n${[...logs.values()].join('\n---\n').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const slackPort = await listen(slack);
  const feedPort = await listen(feed);
  const configFile = join(dir.path, 'config.yaml');
  writeFileSync(
    configFile,
    [
      'sources:',
      `  - { type: feed, url: "http://127.0.0.1:${feedPort}/feed.xml", name: Local Wire }`,
      'feeds: { allowAddresses: ["127.0.0.1"] }',
      'channels:',
      '  - { id: news, platform: slack, target: C1, schedule: { cron: "*/15 * * * * *", timezone: UTC }, size: 10 }',
    ].join('\n'),
  );
  startInstance(configFile, slackPort, await freePort());
  startInstance(configFile, slackPort, await freePort());
  await until(() => children.every((c) => (logs.get(c) ?? '').includes('running; press Ctrl-C')), 'both instances running');
}, 90_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  slack.close();
  feed.close();
  dir.remove();
});

describe('two instances on one Redis', () => {
  it('poll the feed once and post each story of the slot exactly once, even when the poster is killed mid-digest', async () => {
    expect(feedRequests).toBe(1);
    // Wait for the slot's digest to start, then kill whoever holds its lease after the second post.
    await until(() => posts.length >= 2, 'the digest to start');
    const owner = await until(async () => (await redis.get('news-digest:lock:digest:news')) ?? undefined, 'the digest lease');
    const pid = Number(owner.split(':')[1]);
    const victim = children.find((c) => c.pid === pid);
    expect(victim).toBeDefined();
    victim?.kill('SIGKILL');
    const atKill = posts.length;
    const survivor = children.find((c) => c !== victim);

    // The survivor takes over when the lease runs out and finishes the slot.
    await until(async () => (await redis.get('news-digest::channel:news'))?.includes('lastSlot') === true, 'the slot to be recorded', 60_000);
    const headlines = posts.map((p) => p.text);
    expect(new Set(headlines).size).toBe(headlines.length);
    expect(posts.every((p) => p.channel === 'C1')).toBe(true);
    // Every story went out once: the victim's, the one in flight when it died (the stand-in has it), and
    // the rest, posted by the survivor.
    for (const [title] of ITEMS) expect(headlines.filter((h) => h.startsWith(title))).toHaveLength(1);
    expect(posts.length).toBeGreaterThan(atKill);
    expect(survivor?.exitCode).toBeNull();

    // Later slots post nothing more: everything is already out.
    const count = posts.length;
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    expect(posts).toHaveLength(count);
    expect(feedRequests).toBe(1);
  }, 150_000);
});
