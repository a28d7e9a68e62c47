// Per-channel settings changed by chat commands (/digest-settings), layered over the config file, plus
// the bookkeeping the scheduler needs (last digest slot) so a restart neither repeats nor skips one.
import type Keyv from 'keyv';

export interface ChannelSettings {
  readonly channelId: string;
  readonly platform: 'console' | 'slack' | 'discord';
  /** Platform channel id. */
  readonly target: string;
  readonly cron?: string;
  readonly timezone?: string;
  /** Quiet hours as minutes after local midnight, [start, end); may wrap past midnight. */
  readonly quiet?: { readonly start: number; readonly end: number };
  readonly size?: number;
  /** Start of the last schedule slot whose digest was posted, ISO 8601. */
  readonly lastSlot?: string;
}

export interface ChannelRepository {
  get(channelId: string): Promise<ChannelSettings | undefined>;
  put(settings: ChannelSettings): Promise<void>;
  /** Channel ids known to the store (channels created from chat, not only from config). */
  ids(): Promise<string[]>;
}

const key = (channelId: string) => `channel:${channelId}`;
const INDEX = 'meta:channels';

export function createChannelRepository(keyv: Keyv): ChannelRepository {
  return {
    get: async (channelId) => (await keyv.get<ChannelSettings>(key(channelId))) ?? undefined,
    async put(settings) {
      await keyv.set(key(settings.channelId), settings);
      const ids = (await keyv.get<string[]>(INDEX)) ?? [];
      if (!ids.includes(settings.channelId)) await keyv.set(INDEX, [...ids, settings.channelId]);
    },
    ids: async () => (await keyv.get<string[]>(INDEX)) ?? [],
  };
}
