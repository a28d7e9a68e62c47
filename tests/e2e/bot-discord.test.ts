// The whole bot against a stand-in Discord (gateway + REST) on 127.0.0.1, through the real discord.js:
// /digest posts one embed message per story into the channel, once; a non-admin /feeds add is refused.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatforms } from '../../src/app/build-platforms.ts';
import { startBot, type RunningBot } from '../../src/app/run-bot.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger } from '../../src/ops/logger.ts';
import { APP_ID, CHANNEL_ID, type FakeDiscord, interactionPayload, startFakeDiscord } from '../chat/discord/fake-discord.ts';
import { ROOT } from '../helpers.ts';

let fake: FakeDiscord;
let bot: RunningBot;
let nextId = 5000;

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatMs: 500 });
  const loaded = loadConfig({
    env: { STORE_URL: 'memory:', DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.api },
    cwd: ROOT,
  });
  const withChannel = {
    ...loaded,
    config: {
      ...loaded.config,
      channels: [{ id: 'news', platform: 'discord' as const, target: CHANNEL_ID, schedule: { cron: '0 8 * * *', timezone: 'UTC' }, size: 10 }],
    },
  };
  bot = await startBot({ loaded: withChannel, logger: silentLogger, platforms: buildPlatforms(withChannel, silentLogger), out: new PassThrough(), cwd: ROOT });
  // Platforms connect in the background; commands can arrive once the gateway is ready.
  const deadline = Date.now() + 10_000;
  while (!bot.health().chat.every((c) => c.connected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});

async function command(name: string, options: unknown[] = [], permissions = '0') {
  const id = String(nextId++);
  fake.dispatch('INTERACTION_CREATE', interactionPayload({ id, name, options, permissions }));
  await fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/token-${id}/callback`);
  const answer = await fake.waitForRequest(
    (r) => r.path.startsWith(`/api/v10/webhooks/${APP_ID}/token-${id}`) && (r.method === 'PATCH' || r.method === 'POST'),
  );
  return JSON.stringify(answer.body);
}

describe('the bot on Discord', () => {
  it('/digest posts one message per story once, with mentions off', async () => {
    // Story posts, as opposed to command answers (which go through the interaction webhook).
    const storyPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`);
    expect(storyPosts()).toHaveLength(0);
    expect(await command('digest')).toMatch(/Posted \d stor(y|ies)/);
    const posted = storyPosts();
    expect(posted.length).toBeGreaterThanOrEqual(1);
    for (const request of posted) expect((request.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(await command('digest')).toMatch(/Nothing new since the last digest/);
    expect(storyPosts()).toHaveLength(posted.length);
  });

  it('refuses /feeds add to a member without Manage Server, in their own words', async () => {
    const answer = await command('feeds', [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: 'https://example.com/rss' }] }]);
    expect(answer).toMatch(/only members with the Manage Server permission/);
  });
});
