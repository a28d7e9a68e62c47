// The Discord app end to end: real discord.js Client against the stand-in gateway and REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../src/chat/discord/app.ts';
import { FAILURE_TEXT } from '../../../src/chat/discord/interactions.ts';
import type { CommandHandler, CommandReply, CommandRequest } from '../../../src/commands/types.ts';
import type { Logger } from '../../../src/ops/logger.ts';
import { APP_ID, CHANNEL_ID, GUILD_ID, MANAGE_GUILD, interactionPayload, startFakeDiscord, type FakeDiscord } from './fake-discord.ts';
import { story } from './stories.ts';

const LISTED_ADMIN = '888888888888888888';
const seen: { request: CommandRequest; admin: boolean | null }[] = [];

// A stand-in for the real handlers: admin checks for feeds, a story for /story, failures on demand.
const handler: CommandHandler = {
  async handle(request): Promise<CommandReply> {
    const admin = request.command === 'feeds' ? await request.isAdmin() : null;
    seen.push({ request, admin });
    if (request.command === 'feeds' && admin !== true) {
      return { visibility: 'ephemeral', text: 'Sorry, only server admins can change feeds.' };
    }
    if (request.command === 'feeds') return { visibility: 'ephemeral', text: `Added ${request.text.slice(4)}` };
    if (request.command === 'story' && request.text === 'nothing') return { visibility: 'ephemeral', text: 'No story matches "nothing".' };
    if (request.command === 'story' && request.text === 'boom') throw new Error('database on fire');
    if (request.command === 'story' && request.text === 'many') {
      return { visibility: 'channel', stories: Array.from({ length: 12 }, (_, i) => story(`m${i}`)) };
    }
    return { visibility: 'channel', stories: [story('s1')] };
  },
};

const logged: string[] = [];
const logger: Logger = { info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) };

let fake: FakeDiscord;
let app: DiscordApp;
let nextId = 600_000_000_000_000_000n;

beforeAll(async () => {
  // A short heartbeat interval so the test sees a heartbeat and its ACK without waiting 41 s.
  fake = await startFakeDiscord({ heartbeatMs: 200 });
  app = createDiscordApp({
    token: 'fake-token', appId: APP_ID, apiUrl: fake.api, handler, adminUserIds: [LISTED_ADMIN], logger,
    readyTimeoutMs: 10_000, rest: { retries: 0, timeout: 5000 },
  });
  await app.start();
});

afterAll(async () => {
  await app.stop();
  await fake.close();
});

/** Send an interaction through the gateway; resolves with the callback and the final answer request. */
async function command(input: Omit<Parameters<typeof interactionPayload>[0], 'id'>, answer: 'edit' | 'followup') {
  const id = String(nextId++);
  fake.dispatch('INTERACTION_CREATE', interactionPayload({ ...input, id }));
  const callback = await fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/token-${id}/callback`);
  const final = await fake.waitForRequest((r) =>
    answer === 'edit'
      ? r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/token-${id}/messages/@original`
      : r.method === 'POST' && r.path === `/api/v10/webhooks/${APP_ID}/token-${id}`,
  );
  return { callback: callback.body as { type: number; data?: { flags?: number } }, body: final.body as Record<string, unknown>, id };
}

describe('Discord app', () => {
  it('identifies with only the Guilds intent and is ready in the guild', async () => {
    expect(fake.gateway.identify?.token).toBe('fake-token');
    expect(fake.gateway.identify?.intents).toBe(1);
    expect(app.client.user?.id).toBe(APP_ID);
    expect(app.client.guilds.cache.get(GUILD_ID)?.name).toBe('Test Guild');
    await fake.waitForHeartbeat();
    expect(fake.gateway.heartbeats).toBeGreaterThan(0);
    expect(app.connected()).toBe(true);
  });

  it('defers /story in the channel, then edits the reply with the story embed', async () => {
    const { callback, body } = await command({ name: 'story', options: [{ name: 'query', type: 3, value: ' nato ' }] }, 'edit');
    expect(callback.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect((body.embeds as { title: string }[])[0]?.title).toBe('NATO rules out \\*membership\\* for Ukraine (s1)');
    const request = seen.at(-1)?.request;
    expect(request).toMatchObject({ platform: 'discord', command: 'story', text: 'nato', channelId: CHANNEL_ID, userId: '777777777777777777' });
  });

  it('continues a reply past 10 embeds with a public follow-up', async () => {
    const { id, body } = await command({ name: 'story', options: [{ name: 'query', type: 3, value: 'many' }] }, 'edit');
    expect((body.embeds as unknown[]).length).toBe(10);
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${APP_ID}/token-${id}`);
    const rest = followUp.body as { embeds: unknown[]; flags?: number; allowed_mentions: unknown };
    expect(rest.embeds).toHaveLength(2);
    expect(rest.flags ?? 0).toBe(0);
    expect(rest.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses /feeds add to a member without Manage Server, visible only to them', async () => {
    const options = [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: 'https://example.com/feed' }] }];
    const { callback, body } = await command({ name: 'feeds', options, permissions: '0' }, 'edit');
    expect(callback.type).toBe(5);
    expect(callback.data?.flags).toBe(64); // EPHEMERAL
    expect(body.content).toBe('Sorry, only server admins can change feeds.');
    expect(seen.at(-1)).toMatchObject({ admin: false, request: { command: 'feeds', text: 'add https://example.com/feed' } });
  });

  it('lets Manage Server members and listed admins add feeds', async () => {
    const options = [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: 'https://example.com/feed' }] }];
    const manager = await command({ name: 'feeds', options, permissions: MANAGE_GUILD }, 'edit');
    expect(manager.body.content).toBe('Added https://example.com/feed');
    const listed = await command({ name: 'feeds', options, permissions: '0', userId: LISTED_ADMIN }, 'edit');
    expect(listed.body.content).toBe('Added https://example.com/feed');
    expect(seen.slice(-2).map((s) => s.admin)).toEqual([true, true]);
  });

  it('replaces a public placeholder with a private follow-up when the reply is only for the caller', async () => {
    const { id, body } = await command({ name: 'story', options: [{ name: 'query', type: 3, value: 'nothing' }] }, 'followup');
    expect(body.flags).toBe(64);
    expect(body.content).toBe('No story matches "nothing".');
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(`token-${id}/messages/@original`))).toBe(true);
  });

  it('answers a failing handler with a short private message and logs the error', async () => {
    const { body } = await command({ name: 'story', options: [{ name: 'query', type: 3, value: 'boom' }] }, 'followup');
    expect(body.content).toBe(FAILURE_TEXT);
    expect(body.flags).toBe(64);
    expect(logged.some((line) => line.startsWith('error discord: /story failed'))).toBe(true);
  });

  it('maps /digest preview and the settings subcommands to the handler text', async () => {
    const preview = await command({ name: 'digest', options: [{ name: 'preview', type: 5, value: true }] }, 'edit');
    expect(preview.callback.data?.flags).toBe(64);
    expect(seen.at(-1)?.request.text).toBe('preview');
    // /digest posts through the sink and only confirms to the caller, so it is deferred privately too.
    const now = await command({ name: 'digest' }, 'edit');
    expect(now.callback.data?.flags).toBe(64);
    expect(seen.at(-1)?.request.text).toBe('');
    const schedule = [{ name: 'schedule', type: 1, options: [{ name: 'cron', type: 3, value: '0 8 * * 1-5' }, { name: 'tz', type: 3, value: 'Europe/Berlin' }] }];
    await command({ name: 'digest-settings', options: schedule }, 'edit');
    expect(seen.at(-1)?.request.text).toBe('schedule "0 8 * * 1-5" tz Europe/Berlin');
  });

  it('posts a digest through app.sink over the client REST', async () => {
    const before = fake.messages.length;
    const deliveries = await app.sink.deliver(CHANNEL_ID, { generatedAt: '2025-03-15T08:00:00Z', stories: [story('p1'), story('p2')] });
    expect(deliveries.map((d) => d.storyId)).toEqual(['p1', 'p2']);
    const posted = fake.messages.slice(before);
    expect(posted.map((m) => m.channelId)).toEqual([CHANNEL_ID, CHANNEL_ID]);
    expect(posted.every((m) => JSON.stringify(m.body.allowed_mentions) === '{"parse":[]}')).toBe(true);
  });
});
