// The paired bootstrap behind the summarize bench's margin intervals (bench/bootstrap.ts).
import { describe, expect, it } from 'vitest';
import { mulberry32, pairedBootstrap } from '../../bench/bootstrap.ts';

describe('pairedBootstrap', () => {
  it('gives a zero-width interval when every row moves by the same amount', () => {
    const a = [1, 5, 9, 2, 7];
    const b = a.map((x) => x - 2);
    expect(pairedBootstrap(a, b)).toEqual({ mean: 2, low: 2, high: 2 });
  });

  it('keeps the pairs: a large spread shared by both systems does not widen the interval', () => {
    const random = mulberry32(1);
    const base = Array.from({ length: 400 }, () => 100 * random());
    const noise = Array.from({ length: 400 }, () => random() - 0.5);
    const paired = pairedBootstrap(base.map((x, i) => x + 1 + noise[i]!), base);
    expect(paired.low).toBeGreaterThan(0.9);
    expect(paired.high).toBeLessThan(1.1);
    expect(paired.low).toBeLessThanOrEqual(paired.mean);
    expect(paired.high).toBeGreaterThanOrEqual(paired.mean);
  });

  it('holds 0 for a margin that is noise, and is the same on every run', () => {
    const random = mulberry32(7);
    const diffs = Array.from({ length: 300 }, () => random() - 0.5);
    const interval = pairedBootstrap(diffs, diffs.map(() => 0));
    expect(interval.low).toBeLessThan(0);
    expect(interval.high).toBeGreaterThan(0);
    expect(pairedBootstrap(diffs, diffs.map(() => 0))).toEqual(interval);
  });

  it('refuses unpaired input', () => {
    expect(() => pairedBootstrap([1, 2], [1])).toThrow(/equal lengths/);
  });
});
