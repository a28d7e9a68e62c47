// One cron job per channel, in the channel's time zone. node-cron's noOverlap skips a tick while the
// previous run of the same channel is still going, so a slow digest never piles up.
import cron, { type ScheduledTask } from 'node-cron';

export interface ScheduledJob {
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
  run(): Promise<void>;
}

export interface RunningSchedule {
  /** Next run of each job, for the start-up message. */
  nextRuns(): { name: string; at: Date | null }[];
  stop(): Promise<void>;
}

export function startSchedule(jobs: readonly ScheduledJob[]): RunningSchedule {
  const tasks: { name: string; task: ScheduledTask }[] = jobs.map((job) => ({
    name: job.name,
    task: cron.schedule(job.cron, () => job.run(), { timezone: job.timezone, name: job.name, noOverlap: true }),
  }));
  return {
    nextRuns: () => tasks.map(({ name, task }) => ({ name, at: task.getNextRun() })),
    async stop() {
      for (const { task } of tasks) await task.destroy();
    },
  };
}
