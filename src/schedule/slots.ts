// Schedule slots: the instants a channel's cron fires. The last slot is remembered per channel so that
// a digest missed while the bot was down is posted once on start (not once per missed slot).
import cron from 'node-cron';

/** How far back to look for the previous slot: long enough for monthly schedules. */
const LOOKBACK_MINUTES = 32 * 24 * 60;

/** The latest instant at or before `now` at which the cron fires in `timezone`, or null if none in 32 days. */
export function previousSlot(expression: string, timezone: string, now: Date): Date | null {
  const task = cron.createTask(expression, () => {}, { timezone });
  try {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    for (let i = 0; i <= LOOKBACK_MINUTES; i += 1) {
      const candidate = new Date(minute.getTime() - i * 60_000);
      if (task.match(candidate)) return candidate;
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/** Whether a slot was missed: one fired after the last digest we posted for that channel. */
export function missedSlot(expression: string, timezone: string, lastSlot: string | undefined, now: Date): Date | null {
  const previous = previousSlot(expression, timezone, now);
  if (previous === null || lastSlot === undefined) return null;
  return previous.getTime() > new Date(lastSlot).getTime() ? previous : null;
}
