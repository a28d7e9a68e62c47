// `news-digest discord register` against the stand-in REST, and the command definitions themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS, requestText, type OptionReader } from '../../../src/chat/discord/commands.ts';
import { DISCORD_LIMITS } from '../../../src/chat/discord/limits.ts';
import { createDiscordCommand, discordCommand } from '../../../src/cli/discord-command.ts';
import { dispatch } from '../../../src/cli/dispatch.ts';
import { captureIo } from '../../helpers.ts';
import { APP_ID, GUILD_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

describe('news-digest discord register', () => {
  it('PUTs the command list to the guild route with --guild', async () => {
    const command = createDiscordCommand({ load: () => ({ token: 'fake-token', appId: APP_ID, apiUrl: fake.api }) });
    const io = captureIo();
    const code = await dispatch(['discord', 'register', '--guild', GUILD_ID], [command], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.headers.authorization).toBe('Bot fake-token');
    expect(put.body).toEqual(JSON.parse(JSON.stringify(DISCORD_COMMANDS)));
    expect(io.out()).toBe(`Registered 4 commands in server ${GUILD_ID}: /story, /digest, /feeds, /digest-settings\n`);
  });

  it('registers globally without --guild, reading the environment through loadConfig', async () => {
    const io = captureIo({ env: { DISCORD_TOKEN: 'env-token', DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.api } });
    const code = await dispatch(['discord', 'register'], [discordCommand], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${APP_ID}/commands`);
    expect(put.headers.authorization).toBe('Bot env-token');
    expect(io.out()).toMatch(/^Registered 4 commands globally/);
  });

  it('says clearly when the token is missing (exit 1) and rejects a bad guild id (exit 2)', async () => {
    const missing = captureIo({ env: {} });
    expect(await dispatch(['discord', 'register'], [discordCommand], missing)).toBe(1);
    expect(missing.err()).toBe('news-digest discord: DISCORD_TOKEN is not set (the bot token from the Discord developer portal)\n');
    const bad = captureIo({ env: {} });
    expect(await dispatch(['discord', 'register', '--guild', 'general'], [discordCommand], bad)).toBe(2);
    expect(bad.err()).toContain('--guild must be a numeric server id');
    const unknown = captureIo({ env: {} });
    expect(await dispatch(['discord', 'unregister'], [discordCommand], unknown)).toBe(2);
  });

  it('surfaces a refused registration as a one-line error with its code', async () => {
    fake.script('PUT', /\/commands$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const command = createDiscordCommand({ load: () => ({ token: 'wrong', appId: APP_ID, apiUrl: fake.api }) });
    const io = captureIo();
    expect(await dispatch(['discord', 'register'], [command], io)).toBe(1);
    expect(io.err()).toMatch(/^news-digest discord: Discord answered 401 .*\[DISCORD_UNAUTHORIZED\]\n$/);
  });
});

describe('slash command definitions', () => {
  const NAME = /^[-_a-z0-9]{1,32}$/;
  type Option = { name: string; description: string; options?: Option[] };

  it('stay within Discord limits', () => {
    const check = (option: Option) => {
      expect(option.name).toMatch(NAME);
      expect(option.description.length).toBeGreaterThan(0);
      expect(option.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescription);
      expect(option.options?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.commandOptions);
      for (const child of option.options ?? []) check(child);
    };
    for (const command of DISCORD_COMMANDS) check(command as Option);
    expect(DISCORD_COMMANDS.map((c) => c.name)).toEqual(['story', 'digest', 'feeds', 'digest-settings']);
  });

  it('map options to the text the handlers parse', () => {
    const reader = (sub: string | null, values: Record<string, string | number | boolean>): OptionReader => ({
      getSubcommand: () => sub,
      getString: (name) => (typeof values[name] === 'string' ? (values[name] as string) : null),
      getInteger: (name) => (typeof values[name] === 'number' ? (values[name] as number) : null),
      getBoolean: (name) => (typeof values[name] === 'boolean' ? (values[name] as boolean) : null),
    });
    expect(requestText('digest', reader(null, {}))).toBe('');
    expect(requestText('digest', reader(null, { preview: false }))).toBe('');
    expect(requestText('feeds', reader('list', {}))).toBe('list');
    expect(requestText('feeds', reader('remove', { id: ' f3 ' }))).toBe('remove f3');
    expect(requestText('digest-settings', reader('schedule', { cron: '"0 8 * * *"' }))).toBe('schedule "0 8 * * *"');
    expect(requestText('digest-settings', reader('quiet', { range: '22:00-07:00' }))).toBe('quiet 22:00-07:00');
    expect(requestText('digest-settings', reader('size', { n: 5 }))).toBe('size 5');
  });
});
