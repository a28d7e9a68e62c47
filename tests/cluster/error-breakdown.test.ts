import { describe, expect, it } from 'vitest';
import { breakdown } from '../../bench/cluster-errors.bench.ts';

describe('cluster error breakdown', () => {
  it('tells joins, merges and splits apart in arrival order', () => {
    // Gold: a a b b c. Predicted: x x x y y -> b's first merges into x, b's second splits off into y,
    // c's first merges into y.
    const { outcomes, precisionLoss } = breakdown(['x', 'x', 'x', 'y', 'y'], ['a', 'a', 'b', 'b', 'c']);
    expect(outcomes).toEqual({ 'joined-own': 1, 'joined-other': 0, split: 1, opened: 1, 'merged-first': 2 });
    // x (size 3: a a b) keeps 4/3 + 1/3 of 3; y (size 2: b c) keeps 1/2 + 1/2 of 2.
    expect(precisionLoss['3']).toBeCloseTo(3 - 5 / 3);
    expect(precisionLoss['2']).toBeCloseTo(1);
    expect(precisionLoss['1']).toBe(0);
  });

  it('counts a join into a story holding none of its gold story as a merge', () => {
    const { outcomes } = breakdown(['x', 'y', 'y'], ['a', 'b', 'a']);
    expect(outcomes['joined-other']).toBe(1);
    expect(outcomes['merged-first']).toBe(0);
  });

  it('loses no precision on a perfect clustering', () => {
    const { outcomes, precisionLoss } = breakdown(['x', 'y', 'x'], ['a', 'b', 'a']);
    expect(outcomes).toEqual({ 'joined-own': 1, 'joined-other': 0, split: 0, opened: 2, 'merged-first': 0 });
    expect(Object.values(precisionLoss).every((v) => v === 0)).toBe(true);
  });
});
