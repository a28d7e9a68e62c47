import { describe, expect, it } from 'vitest';
import { rouge, rougeN, rougeTokens } from '../../src/summarize/eval/rouge.ts';

describe('ROUGE', () => {
  it('scores a hand-computed example', () => {
    // Candidate: the cat sat on the mat / reference: the cat lay on the mat.
    // Unigrams: 5 of 6 match (the x2, cat, on, mat). Bigrams: 3 of 5 (the cat, on the, the mat).
    // LCS: "the cat on the mat" = 5 tokens.
    const report = rouge('The cat sat on the mat.', ['The cat lay on the mat.']);
    expect(report.rouge1.precision).toBeCloseTo(5 / 6, 10);
    expect(report.rouge1.recall).toBeCloseTo(5 / 6, 10);
    expect(report.rouge2.f).toBeCloseTo(3 / 5, 10);
    expect(report.rougeL.f).toBeCloseTo(5 / 6, 10);
  });

  it('tokenizes like ROUGE-1.5.5: word limit first, punctuation to spaces, stems only past three letters', () => {
    expect(rougeTokens('Officials were running, U.S.-based cats ran.', { wordLimit: 4 })).toEqual([
      'offici', 'be', 'run', 'u', 's', 'base',
    ]);
    expect(rougeTokens('the dogs are running', { stem: false })).toEqual(['the', 'dogs', 'are', 'running']);
  });

  it('sums hits and counts over several references (model average)', () => {
    const c = ['a', 'b', 'c', 'd'];
    // Reference 1 shares a, b (2 of 2); reference 2 shares c (1 of 4): recall 3/6, precision 3/8.
    const score = rougeN(c, [['a', 'b'], ['c', 'x', 'y', 'z']], 1);
    expect(score.recall).toBeCloseTo(3 / 6, 10);
    expect(score.precision).toBeCloseTo(3 / 8, 10);
  });

  it('clips repeated n-grams to the reference count', () => {
    expect(rouge('win win win win', ['win the game']).rouge1.precision).toBeCloseTo(1 / 4, 10);
  });
});
