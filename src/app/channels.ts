// The channels the bot serves: those in the config file, with settings changed from chat layered on
// top, plus channels that exist only because someone configured them from chat.
import type { Config } from '../config/schema.ts';
import type { ChannelRepository, ChannelSettings } from '../store/channel-repository.ts';
import type { QuietHours } from '../schedule/quiet-hours.ts';

export interface EffectiveChannel {
  readonly id: string;
  readonly platform: 'console' | 'slack' | 'discord';
  readonly target: string;
  readonly cron: string;
  readonly timezone: string;
  readonly size: number;
  readonly quiet: QuietHours | null;
  readonly lastSlot: string | null;
}

/** A channel created from chat starts with the first configured channel's schedule, or daily at 08:00 UTC. */
const FALLBACK_SCHEDULE = { cron: '0 8 * * *', timezone: 'UTC' } as const;
const FALLBACK_SIZE = 10;

export async function resolveChannels(config: Config, repository: ChannelRepository): Promise<EffectiveChannel[]> {
  const out: EffectiveChannel[] = [];
  const fallback = config.channels[0]?.schedule ?? FALLBACK_SCHEDULE;
  for (const channel of config.channels) {
    const stored = await repository.get(channel.id);
    out.push(merge(
      { id: channel.id, platform: channel.platform, target: channel.target ?? channel.id, ...channel.schedule, size: channel.size },
      stored,
    ));
  }
  const configured = new Set(config.channels.map((c) => c.id));
  for (const id of await repository.ids()) {
    if (configured.has(id)) continue;
    const stored = await repository.get(id);
    if (stored === undefined) continue;
    out.push(merge({ id, platform: stored.platform, target: stored.target, ...fallback, size: FALLBACK_SIZE }, stored));
  }
  return out;
}

function merge(
  base: { id: string; platform: EffectiveChannel['platform']; target: string; cron: string; timezone: string; size: number },
  stored: ChannelSettings | undefined,
): EffectiveChannel {
  return {
    ...base,
    cron: stored?.cron ?? base.cron,
    timezone: stored?.timezone ?? base.timezone,
    size: stored?.size ?? base.size,
    quiet: stored?.quiet ?? null,
    lastSlot: stored?.lastSlot ?? null,
  };
}

/** The internal id of a platform channel: a configured channel with that target, else `<platform>-<target>`. */
export function channelIdFor(config: Config, platform: EffectiveChannel['platform'], target: string): string {
  const configured = config.channels.find((c) => c.platform === platform && (c.target ?? c.id) === target);
  return configured?.id ?? `${platform}-${target}`;
}
