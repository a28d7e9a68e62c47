// Per-channel digest timing: cron slots in the channel's time zone, quiet hours that hold a digest
// until they end (several held slots become one digest), and the last slot remembered in the store so a
// digest missed while the bot was down is posted once on start.
import type { Logger } from '../ops/logger.ts';
import { startSchedule, type RunningSchedule } from '../schedule/channel-schedule.ts';
import { msUntilQuietEnds } from '../schedule/quiet-hours.ts';
import { missedSlot } from '../schedule/slots.ts';
import type { ChannelRepository } from '../store/channel-repository.ts';
import type { EffectiveChannel } from './channels.ts';

export interface DigestSchedulerDeps {
  readonly channels: ChannelRepository;
  /** Poll sources and post this channel's digest. Never throws (errors are logged inside). */
  readonly runDigest: (channel: EffectiveChannel) => Promise<void>;
  readonly logger: Logger;
  readonly now: () => Date;
}

export interface DigestScheduler {
  /** Post once for every channel whose last slot passed while the bot was down. */
  catchUp(channels: readonly EffectiveChannel[]): Promise<void>;
  schedule(channels: readonly EffectiveChannel[]): void;
  /** Replace one channel's job (after /digest-settings). */
  reschedule(channel: EffectiveChannel): void;
  /** Record that the channel's digest for `slot` went out. */
  markSlot(channel: EffectiveChannel, slot: Date): Promise<void>;
  nextRuns(): { name: string; at: Date | null }[];
  stop(): Promise<void>;
}

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const jobs = new Map<string, RunningSchedule>();
  const held = new Map<string, NodeJS.Timeout>();

  const markSlot = async (channel: EffectiveChannel, slot: Date) => {
    const stored = (await deps.channels.get(channel.id)) ?? { channelId: channel.id, platform: channel.platform, target: channel.target };
    await deps.channels.put({ ...stored, lastSlot: slot.toISOString() });
  };

  const fire = async (channel: EffectiveChannel, slot: Date) => {
    const wait = channel.quiet === null ? 0 : msUntilQuietEnds(channel.quiet, channel.timezone, deps.now());
    if (wait > 0) {
      if (!held.has(channel.id)) {
        deps.logger.info(`channel ${channel.id}: quiet hours, digest held for ${Math.round(wait / 60_000)} min`);
        const timer = setTimeout(() => {
          held.delete(channel.id);
          void fire(channel, slot);
        }, wait);
        timer.unref();
        held.set(channel.id, timer);
      }
      return;
    }
    await deps.runDigest(channel);
    await markSlot(channel, slot);
  };

  const scheduleOne = (channel: EffectiveChannel) => {
    jobs.set(
      channel.id,
      startSchedule([{ name: channel.id, cron: channel.cron, timezone: channel.timezone, run: () => fire(channel, deps.now()) }]),
    );
  };

  return {
    async catchUp(channels) {
      for (const channel of channels) {
        const missed = missedSlot(channel.cron, channel.timezone, channel.lastSlot ?? undefined, deps.now());
        if (missed === null) continue;
        deps.logger.info(`channel ${channel.id}: digest of ${missed.toISOString()} was missed while stopped; posting it now`);
        await fire(channel, missed);
      }
    },
    schedule(channels) {
      for (const channel of channels) scheduleOne(channel);
    },
    reschedule(channel) {
      void jobs.get(channel.id)?.stop();
      const timer = held.get(channel.id);
      if (timer !== undefined) clearTimeout(timer);
      held.delete(channel.id);
      scheduleOne(channel);
    },
    markSlot,
    nextRuns: () => [...jobs.values()].flatMap((job) => job.nextRuns()),
    async stop() {
      for (const timer of held.values()) clearTimeout(timer);
      held.clear();
      for (const job of jobs.values()) await job.stop();
      jobs.clear();
    },
  };
}
