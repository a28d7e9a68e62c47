// Runs the archive pruner in the background: every few minutes, in batches with a turn of the event loop
// between them, under a lease so that instances sharing a store do not do the same deletions twice.
import { type ArchivePrunerDeps, pruneArchive } from '../digest/archive-pruner.ts';
import type { Logger } from '../ops/logger.ts';
import { type LeaseOptions, tryWithLease } from './lease.ts';

/** How often the archive is checked; deletions are due at most a few minutes late. */
export const ARCHIVE_CHECK_MS = 10 * 60_000;
/** Batches per check: a large backlog (keepDays lowered) is worked off over several checks. */
const BATCHES_PER_CHECK = 200;

export interface ArchiveSchedule {
  /** One check now: prunes what is due, batch by batch; returns how many articles it deleted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startArchiveSchedule(deps: ArchivePrunerDeps & { lease: LeaseOptions; logger: Logger }): ArchiveSchedule {
  let running: Promise<number> | null = null;
  let stopped = false;
  const check = async (): Promise<number> => {
    let deleted = 0;
    for (let batch = 0; batch < BATCHES_PER_CHECK && !stopped; batch += 1) {
      const result = await tryWithLease('archive', deps.lease, () => pruneArchive(deps));
      if (result === null) break;
      deleted += result.value.articles;
      if (result.value.done) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (deleted > 0) deps.logger.info(`archive: deleted ${deleted} articles past the keep period`);
    return deleted;
  };
  const runOnce = (): Promise<number> => {
    running ??= check()
      .catch((error: unknown) => {
        deps.logger.error('archive pruning failed', error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = deps.keepMs > 0 ? setInterval(() => void runOnce(), ARCHIVE_CHECK_MS) : null;
  timer?.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      await running;
    },
  };
}
