// The Slack app in HTTP mode: real @slack/bolt receiving signed slash commands from this test, answering
// through the stand-in response_url, and calling the stand-in Web API for users.info.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withRetries } from '../../../src/app/retry.ts';
import { type SlackApp, createSlackApp } from '../../../src/chat/slack/app.ts';
import { FAILURE_TEXT, WORKING_TEXT } from '../../../src/chat/slack/commands.ts';
import { type FakeSlack, signedHeaders, slashCommand, startFakeSlack } from './fake-slack.ts';
import { REFUSAL, memoryLogger, scriptedHandler, story } from './fixtures.ts';

const SECRET = 'test-signing-secret';
const nowSeconds = () => Math.floor(Date.now() / 1000);

let fake: FakeSlack;
let app: SlackApp;
const handler = scriptedHandler();
const logger = memoryLogger();

beforeAll(async () => {
  fake = await startFakeSlack();
  app = createSlackApp({
    botToken: 'xoxb-test',
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    handler,
    adminUserIds: ['UCONFIGADMIN'],
    logger,
    // Bolt's client (users.info): one quick retry, so a test never waits on the SDK's backoff.
    retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
  });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

beforeEach(() => {
  handler.requests.length = 0;
});

function send(fields: Record<string, string>, options: { secret?: string; timestamp?: number; tamper?: boolean } = {}) {
  const body = new URLSearchParams(fields).toString();
  const headers = signedHeaders(options.secret ?? SECRET, body, options.timestamp ?? nowSeconds());
  const sent = options.tamper === true ? body.replace('text=', 'text=evil+') : body;
  return fetch(`http://127.0.0.1:${app.port()}/slack/events`, { method: 'POST', headers, body: sent });
}

const responseFor = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id), `response ${id}`);

describe('Slack app, HTTP mode', () => {
  it('acks a signed /story at once, then responds in channel with the story blocks', async () => {
    const res = await send(slashCommand(fake, { command: '/story', text: 'nato', id: 'story-1' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: WORKING_TEXT });

    const response = await responseFor('story-1');
    expect(response.body['response_type']).toBe('in_channel');
    expect(response.body['unfurl_links']).toBe(false);
    const blocks = response.body['blocks'] as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'About nato', emoji: true } });
    expect(JSON.stringify(blocks)).toContain('<https://example.org/c|[2]>');
    expect(handler.requests[0]).toMatchObject({ platform: 'slack', command: 'story', text: 'nato', channelId: 'C1', userId: 'U1' });
  });

  it('refuses a tampered body (signature mismatch) with 401 and never runs the handler', async () => {
    const res = await send(slashCommand(fake, { command: '/story', text: 'nato', id: 'tampered' }), { tamper: true });
    expect(res.status).toBe(401);
    const wrongSecret = await send(slashCommand(fake, { command: '/story', text: 'nato', id: 'wrong-secret' }), { secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(handler.requests).toHaveLength(0);
  });

  it('refuses timestamps 6 minutes old and 6 minutes ahead, accepts 4 minutes ahead', async () => {
    const old = await send(slashCommand(fake, { command: '/digest', text: '', id: 'old' }), { timestamp: nowSeconds() - 360 });
    expect(old.status).toBe(401);
    // Bolt alone would accept this one: the future check is ours (timestamp-guard.ts).
    const ahead = await send(slashCommand(fake, { command: '/digest', text: '', id: 'ahead' }), { timestamp: nowSeconds() + 360 });
    expect(ahead.status).toBe(401);
    expect(handler.requests).toHaveLength(0);

    const skewed = await send(slashCommand(fake, { command: '/digest', text: '', id: 'skewed' }), { timestamp: nowSeconds() + 240 });
    expect(skewed.status).toBe(200);
    await responseFor('skewed');
    expect(handler.requests).toHaveLength(1);
  });

  it('non-admin /feeds add gets the handler refusal, ephemeral; users.info decided it', async () => {
    fake.users.set('UMEMBER', { is_admin: false, is_owner: false });
    const res = await send(slashCommand(fake, { command: '/feeds', text: 'add https://x.example/rss', userId: 'UMEMBER', id: 'feeds-member' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const response = await responseFor('feeds-member');
    expect(response.body).toMatchObject({ response_type: 'ephemeral', text: REFUSAL });
    expect(fake.callsTo('users.info').map((call) => call.params['user'])).toContain('UMEMBER');
  });

  it('workspace admins (users.info) and configured ids may add feeds; answers are cached per user', async () => {
    fake.users.set('UOWNER', { is_admin: false, is_owner: true });
    const before = fake.callsTo('users.info').length;
    for (const id of ['owner-1', 'owner-2']) {
      await send(slashCommand(fake, { command: '/feeds', text: 'add https://a.example/rss', userId: 'UOWNER', id }));
      expect((await responseFor(id)).body['text']).toBe('Added https://a.example/rss');
    }
    expect(fake.callsTo('users.info').length - before).toBe(1);

    await send(slashCommand(fake, { command: '/feeds', text: 'add https://b.example/rss', userId: 'UCONFIGADMIN', id: 'config-admin' }));
    expect((await responseFor('config-admin')).body['text']).toBe('Added https://b.example/rss');
    expect(fake.callsTo('users.info').some((call) => call.params['user'] === 'UCONFIGADMIN')).toBe(false);
  });

  it('unwraps <url|label> and entities in the argument text', async () => {
    fake.users.set('UADMIN', { is_admin: true });
    const text = 'add <https://news.example/rss?a=1&amp;b=2|news.example/rss>';
    await send(slashCommand(fake, { command: '/feeds', text, userId: 'UADMIN', id: 'unwrap' }));
    await responseFor('unwrap');
    expect(handler.requests.at(-1)?.text).toBe('add https://news.example/rss?a=1&b=2');
  });

  it('the app sink posts with the bot token; a 429 comes back with Retry-After for the outbox to wait out', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } });
    const before = fake.posted.length;
    const waits: number[] = [];
    const retry = { sleep: async () => undefined, random: () => 0, onRetry: (_attempt: number, delay: number) => waits.push(delay) };
    const deliveries = await withRetries(() => app.sink.deliver('C7', { generatedAt: '2025-03-15T08:00:00Z', stories: [story()] }), retry);
    expect(waits).toEqual([0]);
    expect(deliveries).toEqual([{ storyId: 's-1', messageId: fake.posted.at(-1)?.ts }]);
    expect(fake.posted.length - before).toBe(1);
    expect(fake.callsTo('chat.postMessage').at(-1)?.headers.authorization).toBe('Bearer xoxb-test');
  });

  it('a failing handler gives the user a short message and the log the error', async () => {
    await send(slashCommand(fake, { command: '/digest', text: 'boom', id: 'boom' }));
    expect((await responseFor('boom')).body).toMatchObject({ response_type: 'ephemeral', text: FAILURE_TEXT });
    expect(logger.lines.some((line) => line.includes('/digest failed') && line.includes('database on fire'))).toBe(true);
  });
});
