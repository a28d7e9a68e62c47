// Quiet hours: a daily window in the channel's time zone during which digests wait. A digest due in
// the window is posted once when it ends, however many slots fell inside it.

export interface QuietHours {
  /** Minutes after local midnight; the window is [start, end) and may wrap past midnight. */
  readonly start: number;
  readonly end: number;
}

function localMinutes(now: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

export function inQuietHours(quiet: QuietHours, timezone: string, now: Date): boolean {
  const minutes = localMinutes(now, timezone);
  return quiet.start < quiet.end
    ? minutes >= quiet.start && minutes < quiet.end
    : minutes >= quiet.start || minutes < quiet.end;
}

/** Milliseconds until the quiet window ends (0 when not in it). Works in whole minutes, which is what cron uses. */
export function msUntilQuietEnds(quiet: QuietHours, timezone: string, now: Date): number {
  if (!inQuietHours(quiet, timezone, now)) return 0;
  const minutes = localMinutes(now, timezone);
  const remaining = (quiet.end - minutes + 24 * 60) % (24 * 60);
  const intoMinute = now.getTime() % 60_000;
  return remaining * 60_000 - intoMinute;
}
