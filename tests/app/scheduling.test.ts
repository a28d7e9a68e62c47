import { describe, expect, it } from 'vitest';
import { retryDelay, withRetries } from '../../src/app/retry.ts';
import { inQuietHours, msUntilQuietEnds } from '../../src/schedule/quiet-hours.ts';
import { missedSlot, previousSlot } from '../../src/schedule/slots.ts';

describe('schedule slots', () => {
  it('finds the previous slot in the channel time zone', () => {
    const now = new Date('2025-03-15T10:30:00Z');
    expect(previousSlot('0 8 * * *', 'UTC', now)?.toISOString()).toBe('2025-03-15T08:00:00.000Z');
    // 08:00 in Berlin (UTC+1 in March before DST) is 07:00 UTC.
    expect(previousSlot('0 8 * * *', 'Europe/Berlin', now)?.toISOString()).toBe('2025-03-15T07:00:00.000Z');
    expect(previousSlot('0 8 * * 1', 'UTC', now)?.toISOString()).toBe('2025-03-10T08:00:00.000Z');
  });

  it('reports one missed slot however many passed, and none when the last one was posted', () => {
    const now = new Date('2025-03-15T10:30:00Z');
    expect(missedSlot('0 * * * *', 'UTC', '2025-03-14T10:00:00.000Z', now)?.toISOString()).toBe('2025-03-15T10:00:00.000Z');
    expect(missedSlot('0 * * * *', 'UTC', '2025-03-15T10:00:00.000Z', now)).toBeNull();
    expect(missedSlot('0 * * * *', 'UTC', undefined, now)).toBeNull();
  });
});

describe('quiet hours', () => {
  const night = { start: 22 * 60, end: 7 * 60 };
  it('wraps past midnight in the channel time zone', () => {
    expect(inQuietHours(night, 'UTC', new Date('2025-03-15T23:00:00Z'))).toBe(true);
    expect(inQuietHours(night, 'UTC', new Date('2025-03-15T06:59:00Z'))).toBe(true);
    expect(inQuietHours(night, 'UTC', new Date('2025-03-15T07:00:00Z'))).toBe(false);
    expect(inQuietHours(night, 'Asia/Tokyo', new Date('2025-03-15T14:00:00Z'))).toBe(true);
  });
  it('says how long until they end', () => {
    expect(msUntilQuietEnds(night, 'UTC', new Date('2025-03-15T05:30:00Z'))).toBe(90 * 60_000);
    expect(msUntilQuietEnds(night, 'UTC', new Date('2025-03-15T12:00:00Z'))).toBe(0);
  });
});

describe('retries', () => {
  const options = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
  it('classifies errors', () => {
    expect(retryDelay(Object.assign(new Error(), { retryAfterMs: 2000 }), 0, options, () => 0.5)).toBe(2000);
    expect(retryDelay(Object.assign(new Error(), { status: 502 }), 2, options, () => 0.5)).toBe(200);
    // Refused: the request never left. A reset can come after it was written: not sent again.
    expect(retryDelay(Object.assign(new Error(), { code: 'ECONNREFUSED' }), 0, options, () => 1)).toBe(100);
    expect(retryDelay(Object.assign(new Error(), { code: 'ECONNRESET' }), 0, options, () => 1)).toBeNull();
    // A platform error that may have been posted is never retried, whatever else it says.
    expect(retryDelay(Object.assign(new Error(), { retryable: true, uncertain: true }), 0, options, () => 1)).toBeNull();
    expect(retryDelay(Object.assign(new Error(), { status: 401 }), 0, options, () => 0.5)).toBeNull();
    expect(retryDelay(new Error('wrapped', { cause: Object.assign(new Error(), { status: 500 }) }), 0, options, () => 0)).toBe(0);
  });
  it('stops after the last attempt', async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw Object.assign(new Error('down'), { status: 503 });
    };
    await expect(withRetries(failing, { sleep: async () => {}, random: () => 0 }, options)).rejects.toThrow('down');
    expect(calls).toBe(3);
  });
});
