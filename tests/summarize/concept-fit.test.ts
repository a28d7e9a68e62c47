// The concept-model fit the summarize bench repeats per fold (bench/concept-fit.ts): it must recover known
// coefficients, weigh each set the same, and leave dropped features at 0.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/bootstrap.ts';
import { fitConceptModel, type ConceptExamples } from '../../bench/concept-fit.ts';
import { CONCEPT_FEATURES, CONCEPT_MODEL } from '../../src/summarize/concept-model.ts';

const WIDTH = CONCEPT_FEATURES.length;
const SHARE = CONCEPT_FEATURES.indexOf('share');
const NUMBER = CONCEPT_FEATURES.indexOf('number');

/** Examples whose label follows bias + share x a + number x b, the other features 0. */
function synthetic(count: number, bias: number, a: number, b: number, seed: number): ConceptExamples {
  const random = mulberry32(seed);
  const features = new Float64Array(count * WIDTH);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const share = random();
    const number = random() < 0.3 ? 1 : 0;
    features[i * WIDTH + SHARE] = share;
    features[i * WIDTH + NUMBER] = number;
    labels[i] = random() < 1 / (1 + Math.exp(-(bias + a * share + b * number))) ? 1 : 0;
  }
  return { features, labels };
}

const others = new Set(CONCEPT_FEATURES.filter((f) => f !== 'share' && f !== 'number'));

describe('fitConceptModel', () => {
  it('recovers the coefficients that generated the labels and keeps dropped features at 0', () => {
    const model = fitConceptModel([[synthetic(20_000, -1, 2, 0.8, 1)]], CONCEPT_MODEL, others);
    expect(model.bias).toBeCloseTo(-1, 0);
    expect(Math.abs(model.share - 2)).toBeLessThan(0.2);
    expect(Math.abs(model.number - 0.8)).toBeLessThan(0.15);
    for (const name of others) expect(model[name]).toBe(0);
  });

  it('weighs each set the same, however many examples it has', () => {
    const small = synthetic(4_000, -1, 3, 0, 2);
    const large = synthetic(40_000, -1, 0, 0, 3);
    const both = fitConceptModel([[small], [large]], CONCEPT_MODEL, others);
    // Pooled, the large set would pull the share coefficient to about 0.3; weighed equally, about halfway.
    expect(both.share).toBeGreaterThan(1);
    expect(both.share).toBeLessThan(2.2);
    const pooled = fitConceptModel([[small, large]], CONCEPT_MODEL, others);
    expect(pooled.share).toBeLessThan(0.7);
  });
});
