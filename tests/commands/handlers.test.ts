import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { splitArguments } from '../../src/commands/arguments.ts';
import { createCommandHandler } from '../../src/commands/create-handler.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { parseQuiet } from '../../src/commands/settings-handler.ts';
import type { CommandRequest } from '../../src/commands/types.ts';
import type { StoryMaterial } from '../../src/digest/story-material.ts';
import { UserError } from '../../src/domain/errors.ts';
import { silentLogger } from '../../src/ops/logger.ts';
import { createChannelRepository } from '../../src/store/channel-repository.ts';
import { createFeedRepository } from '../../src/store/feed-repository.ts';

const material = (id: string, title: string, text: string): StoryMaterial => ({
  story: { id, articleIds: [`a-${id}`] },
  articles: [
    {
      article: { id: `a-${id}`, title, text, source: 'Example', url: `https://example.com/${id}`, path: null, published: null },
      rewriteOf: null,
      ingestedAt: '2025-03-14T10:00:00Z',
    },
  ],
});

function setup() {
  const keyv = new Keyv();
  const posted: string[] = [];
  const changed: string[] = [];
  const services: CommandServices = {
    stories: () => [
      material('s1', 'NATO chief rules out Ukraine membership', 'Rutte spoke to Bloomberg about NATO and Ukraine.'),
      material('s2', 'Volcano erupts in Iceland', 'Lava flows reached the town of Grindavik.'),
    ],
    // The summarizer's headline differs from the first article's title, as it often does for real.
    present: async (m) => ({
      id: m.story.id,
      headline: `Story: ${m.articles[0]?.article.title ?? ''}`,
      summary: [{ text: m.articles[0]?.article.text ?? '', sources: [`a-${m.story.id}`], markers: [1] }],
      sources: [],
      articleCount: 1,
      firstSeen: null,
      lastUpdated: null,
    }),
    resolveChannel: async (platform, target) => `${platform}-${target}`,
    postDigestNow: async (channelId) => {
      posted.push(channelId);
      return 2;
    },
    previewDigest: async () => [],
    feeds: createFeedRepository(keyv),
    feedHealth: async () => undefined,
    validateFeed: async (url) => {
      if (url.includes('broken')) throw new UserError('FEED_PARSE', 'not a feed: the page is HTML without a feed link');
      return { title: 'Example feed', items: 3 };
    },
    channels: createChannelRepository(keyv),
    settingsChanged: async (id) => {
      changed.push(id);
    },
    now: () => new Date('2025-03-15T08:00:00Z'),
  };
  const handler = createCommandHandler(services, silentLogger);
  const request = (command: CommandRequest['command'], text: string, admin = false): CommandRequest => ({
    platform: 'slack',
    command,
    text,
    channelId: 'C1',
    userId: 'U1',
    isAdmin: async () => admin,
  });
  return { handler, request, posted, changed, services };
}

describe('command handlers', () => {
  it('/story finds the best match and shows it to the channel', async () => {
    const { handler, request } = setup();
    const reply = await handler.handle(request('story', 'nato membership'));
    expect(reply.visibility).toBe('channel');
    expect(reply.stories?.[0]?.headline).toBe('Story: NATO chief rules out Ukraine membership');
  });

  it('/story with no match suggests recent headlines, only to the caller', async () => {
    const { handler, request } = setup();
    const reply = await handler.handle(request('story', 'football transfer'));
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.text).toMatch(/No story matches "football transfer"/);
    // The headlines the digest shows for those stories, not their first articles' titles.
    expect(reply.items).toEqual(['Story: NATO chief rules out Ukraine membership', 'Story: Volcano erupts in Iceland']);
  });

  it('/story reaches an archived story when no active one matches, and says it is archived', async () => {
    const { request, services } = setup();
    const archive = [material('s0', 'Football club sold in record transfer', 'The transfer fee was a record for the league.')];
    const handler = createCommandHandler({ ...services, archivedStories: async () => archive }, silentLogger);
    const reply = await handler.handle(request('story', 'football transfer'));
    expect(reply.visibility).toBe('channel');
    expect(reply.text).toMatch(/archive/);
    expect(reply.stories?.[0]?.headline).toBe('Story: Football club sold in record transfer');
    // /story alone says how the archive is reached.
    expect((await handler.handle(request('story', ''))).text).toMatch(/archive/);
    // An active match wins over the archive.
    expect((await handler.handle(request('story', 'nato membership'))).stories?.[0]?.headline).toBe('Story: NATO chief rules out Ukraine membership');
  });

  it('/digest posts now; /digest preview does not', async () => {
    const { handler, request, posted } = setup();
    expect((await handler.handle(request('digest', ''))).text).toBe('Posted 2 stories.');
    expect(posted).toEqual(['slack-C1']);
    expect((await handler.handle(request('digest', 'preview'))).text).toMatch(/Nothing new/);
    expect(posted).toHaveLength(1);
    expect((await handler.handle(request('digest', 'everything'))).text).toMatch(/^Usage/);
  });

  it('/feeds add is refused politely for non-admins and nothing is saved', async () => {
    const { handler, request, services } = setup();
    const reply = await handler.handle(request('feeds', 'add https://example.com/rss'));
    expect(reply).toMatchObject({ visibility: 'ephemeral', text: expect.stringMatching(/only workspace admins/) });
    expect(await services.feeds.list()).toEqual([]);
  });

  it('/feeds add validates before saving; list and remove work for admins', async () => {
    const { handler, request, services } = setup();
    const bad = await handler.handle(request('feeds', 'add https://example.com/broken', true));
    expect(bad.text).toBe('Not added: not a feed: the page is HTML without a feed link');
    expect(await services.feeds.list()).toEqual([]);
    const added = await handler.handle(request('feeds', 'add https://example.com/rss', true));
    expect(added.text).toMatch(/^Added feed f-\w+: Example feed \(3 items now\)\.$/);
    const list = await handler.handle(request('feeds', 'list'));
    expect(list.items?.[0]).toMatch(/Example feed {2}https:\/\/example.com\/rss {2}\(not polled yet\)/);
    const id = (await services.feeds.list())[0]?.id ?? '';
    expect((await handler.handle(request('feeds', `remove ${id}`, true))).text).toBe(`Removed feed ${id}: Example feed.`);
    expect((await handler.handle(request('feeds', 'remove nope', true))).text).toMatch(/No feed has id nope/);
  });

  it('/digest-settings validates, saves and tells the scheduler', async () => {
    const { handler, request, services, changed } = setup();
    expect((await handler.handle(request('digest-settings', 'schedule "0 8 * * 1-5" tz Europe/Berlin'))).text).toMatch(/only workspace admins/);
    const ok = await handler.handle(request('digest-settings', 'schedule "0 8 * * 1-5" tz Europe/Berlin', true));
    expect(ok.text).toBe('Digest schedule set to `0 8 * * 1-5` (Europe/Berlin).');
    expect(changed).toEqual(['slack-C1']);
    expect(await services.channels.get('slack-C1')).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'Europe/Berlin', target: 'C1' });
    expect((await handler.handle(request('digest-settings', 'schedule "every day"', true))).text).toMatch(/not a valid cron/);
    expect((await handler.handle(request('digest-settings', 'schedule "0 8 * * *" tz Mars/Base', true))).text).toMatch(/not a time zone/);
    expect((await handler.handle(request('digest-settings', 'quiet 22:00-07:00', true))).text).toMatch(/Quiet hours set/);
    expect((await services.channels.get('slack-C1'))?.quiet).toEqual({ start: 22 * 60, end: 7 * 60 });
    await handler.handle(request('digest-settings', 'quiet off', true));
    expect((await services.channels.get('slack-C1'))?.quiet).toBeUndefined();
    expect((await handler.handle(request('digest-settings', 'size 0', true))).text).toMatch(/from 1 to 50/);
    expect((await handler.handle(request('digest-settings', 'size 5', true))).text).toBe('Digests will show at most 5 stories.');
  });

  it('turns an unexpected failure into a short apology', async () => {
    const { request, services } = setup();
    const handler = createCommandHandler({ ...services, postDigestNow: () => Promise.reject(new Error('db down')) }, silentLogger);
    expect((await handler.handle(request('digest', ''))).text).toMatch(/^Sorry, something went wrong/);
  });
});

describe('argument parsing', () => {
  it('honours straight and curly quotes', () => {
    expect(splitArguments('schedule "0 8 * * *" tz UTC')).toEqual(['schedule', '0 8 * * *', 'tz', 'UTC']);
    expect(splitArguments('schedule \u201C0 9 * * *\u201D')).toEqual(['schedule', '0 9 * * *']);
  });
  it('parses quiet hours, wrapping past midnight', () => {
    expect(parseQuiet('22:00-07:30')).toEqual({ start: 1320, end: 450 });
    expect(parseQuiet('25:00-07:00')).toBeUndefined();
    expect(parseQuiet('08:00-08:00')).toBeUndefined();
  });
});
