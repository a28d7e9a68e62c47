import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_POLL_OPTIONS, nextSlot, slotAfterPoll, spreadOffset } from '../../../src/ingest/feeds/schedule.ts';

const HOUR = 3600_000;

describe('poll schedule', () => {
  it('spreads feeds over the interval by URL hash, stably', () => {
    const interval = DEFAULT_POLL_OPTIONS.intervalMs;
    const offsets = Array.from({ length: 400 }, (_, i) => spreadOffset(`https://site${i}.example/feed`, interval));
    expect(spreadOffset('https://a.example/feed', interval)).toBe(spreadOffset('https://a.example/feed', interval));
    // Each of 10 equal buckets of the interval gets a fair share (expected 40 each).
    const buckets = new Array<number>(10).fill(0);
    for (const offset of offsets) buckets[Math.floor((offset / interval) * 10)]! += 1;
    expect(Math.min(...buckets)).toBeGreaterThan(20);
    expect(Math.max(...buckets)).toBeLessThan(60);
  });

  it('returns the next slot strictly after now, one interval apart', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const first = nextSlot('https://a.example/feed', now, 60_000);
    expect(first).toBeGreaterThan(now);
    expect(first - now).toBeLessThanOrEqual(60_000);
    expect(nextSlot('https://a.example/feed', first, 60_000)).toBe(first + 60_000);
  });

  it('after a poll, waits at least half an interval: on the slot one interval, off it never seconds', () => {
    const url = 'https://a.example/feed';
    const interval = 60_000;
    const slot = nextSlot(url, Date.parse('2025-01-01T00:00:00Z'), interval);
    expect(slotAfterPoll(url, slot, interval)).toBe(slot + interval);
    expect(slotAfterPoll(url, slot + 200, interval)).toBe(slot + interval);
    // A new feed read at once two seconds before its slot is not read again at that slot.
    expect(slotAfterPoll(url, slot - 2_000, interval)).toBe(slot + interval);
    for (let polledAt = slot; polledAt < slot + 3 * interval; polledAt += 7_919) {
      const next = slotAfterPoll(url, polledAt, interval);
      expect(next - polledAt).toBeGreaterThanOrEqual(interval / 2);
      expect(next - polledAt).toBeLessThanOrEqual(1.5 * interval);
    }
  });

  it('backs off exponentially with bounded jitter, capped, and lets Retry-After win', () => {
    const o = DEFAULT_POLL_OPTIONS;
    const mid = (): number => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, o, mid))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffDelay(40, o, mid)).toBe(6 * HOUR);
    expect(backoffDelay(1, o, () => 0)).toBe(48_000);
    expect(backoffDelay(1, o, () => 0.999999)).toBeLessThanOrEqual(72_000);
    expect(backoffDelay(1, o, mid, 2 * HOUR)).toBe(2 * HOUR);
    expect(backoffDelay(1, o, mid, 365 * 24 * HOUR)).toBe(24 * HOUR);
  });
});
