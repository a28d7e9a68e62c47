// The Discord sink against the stand-in REST: real discord.js REST, real HTTP on 127.0.0.1.
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordDeliveryError } from '../../../src/chat/discord/errors.ts';
import { createDiscordSink } from '../../../src/chat/discord/sink.ts';
import type { ChatSink } from '../../../src/chat/sink.ts';
import { CHANNEL_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.ts';
import { article, story } from './stories.ts';

let fake: FakeDiscord;
let rest: REST;
let sink: ChatSink;

beforeEach(async () => {
  fake = await startFakeDiscord();
  // No 5xx retries and a short timeout: a failing test fails fast.
  rest = new REST({ api: fake.api, retries: 0, timeout: 5000 }).setToken('fake-token');
  sink = createDiscordSink({ rest });
});

afterEach(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await fake.close();
});

const digest = { generatedAt: '2025-03-15T08:00:00Z', stories: [story('s1'), story('s2'), story('s3')] };
const messagesPath = `/api/v10/channels/${CHANNEL_ID}/messages`;

describe('Discord sink', () => {
  it('posts one message per story with mentions disabled and returns their ids', async () => {
    const deliveries = await sink.deliver(CHANNEL_ID, digest);
    expect(fake.messages.map((m) => m.channelId)).toEqual([CHANNEL_ID, CHANNEL_ID, CHANNEL_ID]);
    expect(deliveries).toEqual(digest.stories.map((s, i) => ({ storyId: s.id, messageId: fake.messages[i]?.id })));
    for (const [i, message] of fake.messages.entries()) {
      expect(message.body.allowed_mentions).toEqual({ parse: [] });
      const embeds = message.body.embeds as { title: string }[];
      expect(embeds).toHaveLength(1);
      expect(embeds[0]?.title).toBe(`NATO rules out \\*membership\\* for Ukraine (s${i + 1})`);
    }
    const request = fake.requests.find((r) => r.path === messagesPath);
    expect(request?.headers.authorization).toBe('Bot fake-token');
  });

  it('waits out a 429 with Retry-After and posts exactly once', async () => {
    fake.script('POST', /\/channels\/\d+\/messages$/, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      headers: {
        'Retry-After': '0.05', 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset-After': '0.05', 'X-RateLimit-Bucket': 'messages', 'X-RateLimit-Scope': 'user',
      },
    });
    const limited: number[] = [];
    rest.on('rateLimited', (info) => limited.push(info.retryAfter));
    const id = await sink.postStory?.(CHANNEL_ID, story('s1'));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === messagesPath)).toHaveLength(2);
    expect(fake.messages).toHaveLength(1);
    expect(id).toBe(fake.messages[0]?.id);
    expect(limited).toHaveLength(1);
  });

  it('starts a thread on the story message the first time, then reuses it', async () => {
    const [first] = await sink.deliver(CHANNEL_ID, { ...digest, stories: [story('s1')] });
    const anchor = first?.messageId ?? '';
    const grown = {
      ...story('s1'),
      sources: [...story('s1').sources, { n: 3, article: article('d', 'AP', 'https://ap.example/d'), rewrites: [] }],
    };
    const update = { story: grown, newSentences: [{ text: 'Talks resume Monday.', sources: ['d'], markers: [3] }], newSources: [3] };
    const replyId = await sink.postUpdate?.(CHANNEL_ID, anchor, update);
    expect(fake.threads.get(anchor)).toBe(CHANNEL_ID);
    const threadRequest = fake.requests.find((r) => r.path.endsWith('/threads'));
    expect(threadRequest?.path).toBe(`/api/v10/channels/${CHANNEL_ID}/messages/${anchor}/threads`);
    expect((threadRequest?.body as { name: string }).name).toBe('NATO rules out *membership* for Ukraine (s1)');
    const posted = fake.messages.at(-1);
    expect(posted?.channelId).toBe(anchor);
    expect(posted?.id).toBe(replyId);
    expect(posted?.body.content).toBe('+1 source: AP');
    expect(posted?.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(posted?.body.embeds)).not.toContain('Rutte');

    // Second update (say after a restart): Discord answers 160004 and the thread is reused.
    await sink.postUpdate?.(CHANNEL_ID, anchor, update);
    expect(fake.requests.filter((r) => r.path.endsWith('/threads'))).toHaveLength(2);
    expect(fake.messages.filter((m) => m.channelId === anchor)).toHaveLength(2);
  });

  it('turns a 403 into a typed, non-retryable error that remembers what was posted', async () => {
    fake.script('POST', /\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Missing Permissions', code: 50013 } }, 1);
    const error = await sink.deliver(CHANNEL_ID, digest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordDeliveryError);
    const typed = error as DiscordDeliveryError;
    expect(typed.code).toBe('DISCORD_FORBIDDEN');
    expect(typed.status).toBe(403);
    expect(typed.discordCode).toBe(50013);
    expect(typed.channel).toBe(CHANNEL_ID);
    expect(typed.retryable).toBe(false);
    expect(typed.delivered).toEqual([{ storyId: 's1', messageId: fake.messages[0]?.id }]);
    expect(fake.messages).toHaveLength(1);
  });

  it('reports a server error as retryable', async () => {
    fake.script('POST', /\/channels\/\d+\/messages$/, { status: 502, body: { message: 'Bad Gateway' } });
    const error = await sink.postStory?.(CHANNEL_ID, story('s1')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DiscordDeliveryError', code: 'DISCORD_UNAVAILABLE', status: 502, retryable: true });
  });

  it('reports a 429 as retryable with the wait when the REST client is told not to queue', async () => {
    const strict = new REST({ api: fake.api, retries: 0, timeout: 5000, rejectOnRateLimit: () => true }).setToken('fake-token');
    fake.script('POST', /\/channels\/\d+\/messages$/, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 2, global: false },
      headers: { 'Retry-After': '2', 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '2', 'X-RateLimit-Bucket': 'strict' },
    });
    const error = await createDiscordSink({ rest: strict }).postStory?.(CHANNEL_ID, story('s1')).catch((e: unknown) => e);
    strict.clearHashSweeper();
    strict.clearHandlerSweeper();
    expect(error).toMatchObject({ code: 'DISCORD_RATE_LIMITED', status: 429, retryable: true });
    expect((error as DiscordDeliveryError).retryAfterMs).toBeGreaterThanOrEqual(2000);
    expect(fake.messages).toHaveLength(0);
  });

  it('reports an unknown channel as not found', async () => {
    fake.script('POST', /\/channels\/\d+\/messages$/, { status: 404, body: { message: 'Unknown Channel', code: 10003 } });
    const error = await sink.postStory?.('444444444444444444', story('s1')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISCORD_NOT_FOUND', channel: '444444444444444444', discordCode: 10003, retryable: false });
  });
});
