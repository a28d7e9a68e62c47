// The CommandServices the slash commands use, backed by the running bot's newsroom and stores.
import { searchArchive } from '../digest/archive-search.ts';
import { buildDigestStory } from '../digest/build-digest.ts';
import type { CommandServices } from '../commands/services.ts';
import type { Config } from '../config/schema.ts';
import type { DigestStory } from '../domain/digest.ts';
import { channelIdFor, resolveChannels, type EffectiveChannel } from './channels.ts';
import { pendingStories } from './deliver-channel.ts';
import type { App } from './open-app.ts';

export interface CommandServiceDeps {
  readonly app: App;
  readonly config: Config;
  /** Poll and post one channel's digest now; returns how many stories went out. */
  readonly postNow: (channel: EffectiveChannel) => Promise<number>;
  readonly settingsChanged: (channel: EffectiveChannel) => Promise<void>;
  readonly validateFeed: CommandServices['validateFeed'];
  readonly feedHealth: CommandServices['feedHealth'];
  readonly now: () => Date;
  /** The bot's presenter (each story version summarized once, the new ones ahead of time); default: summarize per call. */
  readonly present?: CommandServices['present'];
}

export function createCommandServices(deps: CommandServiceDeps): CommandServices {
  const { app, config } = deps;
  const present = deps.present ?? ((material: Parameters<CommandServices['present']>[0]) => buildDigestStory(material, app));
  const channel = async (channelId: string) => {
    const found = (await resolveChannels(config, app.channels)).find((c) => c.id === channelId);
    if (found === undefined) throw new Error(`unknown channel ${channelId}`);
    return found;
  };
  return {
    stories: () => app.newsroom.materials(),
    archivedStories: (query) => searchArchive(app.articles, query, { isActive: (id) => app.newsroom.isActive(id) }),
    present,
    async resolveChannel(platform, target) {
      const id = channelIdFor(config, platform, target);
      if ((await resolveChannels(config, app.channels)).some((c) => c.id === id)) return id;
      await app.channels.put({ channelId: id, platform, target });
      return id;
    },
    postDigestNow: async (channelId) => deps.postNow(await channel(channelId)),
    async previewDigest(channelId) {
      const { pending } = await pendingStories(await channel(channelId), app.newsroom.materials(), app.posts, deps.now());
      const out: DigestStory[] = [];
      for (const material of pending) out.push(await present(material));
      return out;
    },
    feeds: app.feeds,
    feedHealth: deps.feedHealth,
    validateFeed: deps.validateFeed,
    channels: app.channels,
    settingsChanged: async (channelId) => deps.settingsChanged(await channel(channelId)),
    now: deps.now,
  };
}
