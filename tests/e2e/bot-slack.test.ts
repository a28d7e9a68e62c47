// The whole bot against a stand-in Slack on 127.0.0.1, through the real @slack/bolt: a signed /digest
// posts one message per story into the channel once, and /story answers with the matching story.
import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatforms } from '../../src/app/build-platforms.ts';
import { startBot, type RunningBot } from '../../src/app/run-bot.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/ops/logger.ts';
import { type FakeSlack, signedHeaders, slashCommand, startFakeSlack } from '../chat/slack/fake-slack.ts';
import { ROOT } from '../helpers.ts';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let fake: FakeSlack;
let bot: RunningBot;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  port = await freePort();
  const loaded = loadConfig({
    env: { STORE_URL: 'memory:', SLACK_BOT_TOKEN: 'xoxb-1-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) },
    cwd: ROOT,
  });
  const config = {
    ...loaded.config,
    channels: [{ id: 'news', platform: 'slack' as const, target: 'C1', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, size: 10 }],
  };
  const withChannel = { ...loaded, config };
  bot = await startBot({
    loaded: withChannel,
    logger: silentLogger,
    platforms: buildPlatforms(withChannel, silentLogger),
    out: new PassThrough(),
    cwd: ROOT,
  });
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});

function send(fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString();
  const headers = signedHeaders(SECRET, body, Math.floor(Date.now() / 1000));
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
}

describe('the bot on Slack', () => {
  it('posts nothing on start: the channel keeps to its schedule', () => {
    expect(fake.posted).toEqual([]);
  });

  it('/digest posts one message per story once; a second /digest posts nothing new', async () => {
    const res = await send(slashCommand(fake, { command: '/digest', text: '', id: 'digest-1' }));
    expect(res.status).toBe(200);
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.id === 'digest-1'), 'digest reply');
    expect(JSON.stringify(reply.body)).toMatch(/Posted \d stor(y|ies)/);
    const stories = fake.posted.length;
    expect(stories).toBeGreaterThanOrEqual(1);
    expect(new Set(fake.posted.map((p) => p.channel))).toEqual(new Set(['C1']));
    const first = fake.callsTo('chat.postMessage')[0];
    expect(JSON.stringify(first?.params.blocks)).toMatch(/"type":"header"/);

    await send(slashCommand(fake, { command: '/digest', text: '', id: 'digest-2' }));
    const again = await fake.waitFor(() => fake.responses.find((r) => r.id === 'digest-2'), 'second digest reply');
    expect(JSON.stringify(again.body)).toMatch(/Nothing new since the last digest/);
    expect(fake.posted).toHaveLength(stories);
  });

  it('/story answers with the matching story in the channel', async () => {
    await send(slashCommand(fake, { command: '/story', text: 'Bloomberg Hordern', id: 'story-1' }));
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.id === 'story-1' && JSON.stringify(r.body).includes('blocks')), 'story reply');
    expect(reply.body.response_type).toBe('in_channel');
    expect(JSON.stringify(reply.body)).toMatch(/Rutte/);
  });
});
