// Per-channel digest timing: cron slots in the channel's time zone, quiet hours that hold a digest
// until they end (several held slots become one digest), and the last slot remembered in the store so a
// digest missed while the bot was down is posted once on start.
import type { Logger } from '../ops/logger.ts';
import { startSchedule, type RunningSchedule } from '../schedule/channel-schedule.ts';
import { msUntilQuietEnds } from '../schedule/quiet-hours.ts';
import { missedSlot } from '../schedule/slots.ts';
import type { ChannelRepository } from '../store/channel-repository.ts';
import type { EffectiveChannel } from './channels.ts';
import { withLease, type LeaseOptions } from './lease.ts';

/**
 * Instances agree on a slot when their clocks agree within this much (keep hosts on NTP). A slot is
 * done once any instance recorded a lastSlot at or after slot - tolerance.
 */
const SLOT_TOLERANCE_MS = 2_000;

export interface DigestSchedulerDeps {
  readonly channels: ChannelRepository;
  /** Poll sources and post this channel's digest. Never throws (errors are logged inside). */
  readonly runDigest: (channel: EffectiveChannel) => Promise<void>;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Several instances on one store: the lease that makes each slot's digest go out exactly once. */
  readonly lease: LeaseOptions;
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

  let stopped = false;
  const slotDone = async (channel: EffectiveChannel, slot: Date) => {
    if (stopped) return true;
    const last = (await deps.channels.get(channel.id))?.lastSlot;
    return last !== undefined && Date.parse(last) >= slot.getTime() - SLOT_TOLERANCE_MS;
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
    // Every instance fires; the one holding the lease posts, the others wait until the slot is
    // recorded as done (or take over when the holder died and its lease ran out).
    await withLease(`digest:${channel.id}`, { ...deps.lease, done: () => slotDone(channel, slot) }, async () => {
      if (await slotDone(channel, slot)) return;
      await deps.runDigest(channel);
      await markSlot(channel, slot);
    });
  };
  // Slots are whole seconds so instances whose timers fire a few milliseconds apart agree on them.
  const currentSlot = () => new Date(Math.floor(deps.now().getTime() / 1000) * 1000);

  const scheduleOne = (channel: EffectiveChannel) => {
    jobs.set(
      channel.id,
      startSchedule([{ name: channel.id, cron: channel.cron, timezone: channel.timezone, run: () => fire(channel, currentSlot()) }]),
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
      stopped = true;
      for (const timer of held.values()) clearTimeout(timer);
      held.clear();
      for (const job of jobs.values()) await job.stop();
      jobs.clear();
    },
  };
}
