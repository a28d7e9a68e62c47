// The learned placement: its features, the model file's checks, the logistic fit, teacher forcing and the
// background document frequencies.
import { describe, expect, it } from 'vitest';
import { backgroundOf, countDocumentFrequencies, parseBackgroundTable } from '../../src/cluster/background.ts';
import { createStoryEngine } from '../../src/cluster/engine.ts';
import { fitLogistic } from '../../src/cluster/fit-logistic.ts';
import {
  contributions,
  defaultPlacementModel,
  joinLogit,
  parsePlacementModel,
  placementFeatures,
  placementModelJson,
  sigmoid,
  FEATURE_COUNT,
  PLACEMENT_FEATURES,
  type CandidateEvidence,
} from '../../src/cluster/placement.ts';
import type { Article } from '../../src/domain/article.ts';

const evidence: CandidateEvidence = {
  cosine: 0.5,
  titleCosine: 0.25,
  nameCosine: 0.75,
  leadCosine: 0.4,
  distinctTerms: 100,
  cohesion: 0.8,
  members: 3,
  gapDays: Number.NaN,
  hasTitle: true,
  specificsShared: 0.3,
  otherBest: Number.NaN,
};
const feature = (values: readonly number[], name: (typeof PLACEMENT_FEATURES)[number]): number =>
  values[PLACEMENT_FEATURES.indexOf(name)]!;

function article(id: string, title: string, text: string): Article {
  return { id, title, text, source: 'test', url: null, path: null, published: null };
}

describe('placement features', () => {
  it('derives shortness, the time gap and the margin over other candidates', () => {
    const alone = placementFeatures(evidence);
    expect(alone).toHaveLength(FEATURE_COUNT);
    expect(feature(alone, 'shortness')).toBeCloseTo(0.1, 9);
    expect(feature(alone, 'cosineByShortness')).toBeCloseTo(0.05, 9);
    expect(feature(alone, 'logSize')).toBeCloseTo(Math.log(3), 9);
    // Undated: the gap says nothing, and the undated flag says so.
    expect([feature(alone, 'logGapDays'), feature(alone, 'undated')]).toEqual([0, 1]);
    // Alone: no margin, and the only-candidate flag.
    expect([feature(alone, 'cosineMargin'), feature(alone, 'onlyCandidate')]).toEqual([0, 1]);
    const rivalled = placementFeatures({ ...evidence, gapDays: 2, otherBest: 0.2, hasTitle: false });
    expect(feature(rivalled, 'cosineMargin')).toBeCloseTo(0.3, 9);
    expect(feature(rivalled, 'onlyCandidate')).toBe(0);
    expect(feature(rivalled, 'logGapDays')).toBeCloseTo(Math.log(3), 9);
    expect(feature(rivalled, 'noTitle')).toBe(1);
  });

  it('explains a logit as the bias plus one contribution per feature', () => {
    const model = defaultPlacementModel();
    const values = placementFeatures(evidence);
    const parts = contributions(model, values);
    expect(parts.map((p) => p.feature)).toEqual([...PLACEMENT_FEATURES]);
    const sum = parts.reduce((s, p) => s + p.contribution, model.bias);
    expect(sum).toBeCloseTo(joinLogit(model, values), 9);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('placement model file', () => {
  const valid = JSON.parse(placementModelJson(defaultPlacementModel())) as Record<string, unknown>;

  it('reads back what it writes', () => {
    expect(parsePlacementModel(valid)).toEqual(defaultPlacementModel());
  });

  it('refuses a model whose features, weights, bias or cutoff do not fit this engine', () => {
    expect(() => parsePlacementModel({ ...valid, features: ['cosine'] })).toThrow(/features must be exactly/);
    expect(() => parsePlacementModel({ ...valid, weights: [1, 2] })).toThrow(/weights must be/);
    const weights = [...(valid['weights'] as number[])];
    weights[0] = Number.NaN;
    expect(() => parsePlacementModel({ ...valid, weights })).toThrow(/finite/);
    expect(() => parsePlacementModel({ ...valid, bias: 'x' })).toThrow(/bias/);
    expect(() => parsePlacementModel({ ...valid, cutoff: 1.5 })).toThrow(/cutoff/);
  });
});

describe('fitLogistic', () => {
  it('recovers the coefficients of a known logistic model', () => {
    // Deterministic sample: x on a grid, labels drawn by a fixed pseudo-random sequence from
    // P(y) = sigmoid(-1 + 3 x1 - 2 x2).
    let seed = 7;
    const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const features: number[][] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const x = [random() * 2 - 1, random() * 2 - 1];
      features.push(x);
      labels.push(random() < sigmoid(-1 + 3 * x[0]! - 2 * x[1]!));
    }
    const fit = fitLogistic({ features, labels }, 1e-6);
    expect(fit.bias).toBeCloseTo(-1, 0);
    expect(fit.weights[0]).toBeCloseTo(3, 0);
    expect(fit.weights[1]).toBeCloseTo(-2, 0);
  });

  it('weighs examples: a doubled weight counts like a repeated example', () => {
    const features = [[0], [1], [2], [3], [1], [2]];
    const labels = [false, false, true, true, true, false];
    const repeated = fitLogistic({ features: [...features, [3]], labels: [...labels, true] });
    const weighted = fitLogistic({ features, labels, weights: [1, 1, 1, 2, 1, 1] });
    expect(weighted.bias).toBeCloseTo(repeated.bias, 6);
    expect(weighted.weights[0]).toBeCloseTo(repeated.weights[0]!, 6);
  });

  it('refuses an empty training set', () => {
    expect(() => fitLogistic({ features: [], labels: [] })).toThrow(/no examples/);
  });
});

describe('teacher forcing', () => {
  it('places each article in its gold story and records every candidate with whether it was that story', () => {
    const gold: Record<string, string> = { a: 'x', b: 'y', c: 'x' };
    const recorded: { features: readonly (readonly number[])[]; joins: readonly boolean[] }[] = [];
    const engine = createStoryEngine(
      {},
      { teacher: { goldOf: (a) => gold[a.id]!, record: (features, joins) => recorded.push({ features, joins }) } },
    );
    const text = 'Nexora will build a chip factory in Dresden, the company said on Monday.';
    const a = engine.add(article('a', 'Nexora picks Dresden for chip plant', text));
    // Same words, but gold says another story: the teacher opens one.
    const b = engine.add(article('b', 'Nexora picks Dresden for chip plant', text));
    const c = engine.add(article('c', 'Chip plant for Dresden', 'Nexora chose Dresden for its chip factory.'));
    expect(b.storyId).not.toBe(a.storyId);
    expect(c.storyId).toBe(a.storyId);
    expect(recorded).toHaveLength(3);
    expect(recorded[0]!.features).toEqual([]);
    expect(recorded[1]!.joins).toEqual([false]);
    expect(recorded[2]!.joins.filter(Boolean)).toHaveLength(1);
    for (const r of recorded) for (const f of r.features) expect(f).toHaveLength(FEATURE_COUNT);
  });
});

describe('background document frequencies', () => {
  const corpus = [
    article('1', 'Rain in Oslo', 'It rained in Oslo, officials said.'),
    article('2', 'Sun in Rome', 'The sun shone in Rome, officials said.'),
    article('3', 'Snow', 'Snow fell, officials said.'),
  ];

  it('counts the terms as the engine reads them, keeping those in at least minDf articles', () => {
    const table = countDocumentFrequencies(corpus, 2, undefined, 'three weather notes');
    expect(table.documents).toBe(3);
    expect(table.countedOn).toBe('three weather notes');
    expect(Math.max(...Object.values(table.df))).toBe(3);
    expect(Object.values(table.df).every((n) => n >= 2)).toBe(true);
    const share = backgroundOf(table);
    const common = Object.keys(table.df).find((t) => table.df[t] === 3)!;
    expect(share.share(common)).toBe(1);
    expect(share.share('no-such-term')).toBe(0);
  });

  it('refuses a malformed table', () => {
    expect(() => parseBackgroundTable({ documents: 0, df: {} })).toThrow(/documents/);
    expect(() => parseBackgroundTable({ documents: 2, df: { x: 3 } })).toThrow(/bad count for "x"/);
    expect(parseBackgroundTable({ documents: 2, df: { x: 1 } }).df['x']).toBe(1);
  });

  it('changes the weights of a fresh stream: without a background the same articles score differently', () => {
    const a = article('a', 'Officials said Oslo rain', 'Officials said it rained in Oslo on Monday.');
    const b = article('b', 'Officials said Rome sun', 'Officials said the sun shone in Rome on Monday.');
    const score = (background: null | undefined): number => {
      const engine = createStoryEngine({}, background === null ? { background } : {});
      engine.add(a);
      engine.add(b);
      return engine.explain('b', 'a')!.pairSimilarity!;
    };
    expect(score(undefined)).not.toBeCloseTo(score(null), 3);
  });
});
