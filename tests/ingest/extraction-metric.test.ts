// The benchmark metric itself (bench/extraction.bench.ts) on cases worked out by hand.
import { describe, expect, it } from 'vitest';
import { score, shingleCounts } from '../../bench/extraction.bench.ts';

describe('shingle metric', () => {
  it('is perfect on identical text and ignores punctuation and spacing', () => {
    expect(shingleCounts('one two three four five', 'one, two; three\nfour  five')).toEqual([1, 0, 0]);
  });

  it('counts shingles with multiplicity and normalizes per page', () => {
    // truth: 2 shingles; prediction (the text twice): 7 shingles, 2 shared, 5 extra; normalized by 7.
    const [tp, fp, fn] = shingleCounts('a b c d e', 'a b c d e a b c d e');
    expect([tp, fp, fn].map((x) => Number(x.toFixed(3)))).toEqual([0.286, 0.714, 0]);
  });

  it('averages precision over pages with a prediction and recall over pages with a truth', () => {
    const empty = shingleCounts('a b c d', '');
    expect(empty).toEqual([0, 0, 1]);
    const result = score([[1, 0, 0], empty]);
    expect(result.precision).toBe(1);
    expect(result.recall).toBe(0.5);
    expect(result.f1).toBeCloseTo(2 / 3, 10);
  });
});
