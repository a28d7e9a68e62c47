// Online IDF with background pseudo-documents: a stream's first articles weigh words as a general corpus does.
import { describe, expect, it } from 'vitest';
import { createVocabulary, type Background } from '../../src/cluster/vocabulary.ts';

const corpus: Background = { share: (term) => ({ said: 0.5, nato: 0.01 })[term] ?? 0 };

describe('vocabulary', () => {
  it('is plain smoothed IDF over the stream and empty pseudo-documents without a background', () => {
    const v = createVocabulary({ documents: 10 });
    const [a, b] = [v.id('nato'), v.id('said')];
    v.addDocument([a, b]);
    v.addDocument([b]);
    expect(v.idf(a)).toBeCloseTo(Math.log(12) - Math.log(1.5), 5);
    expect(v.idf(b)).toBeCloseTo(Math.log(12) - Math.log(2.5), 5);
    expect(v.documentFrequency(b)).toBe(2);
    expect(v.size).toBe(2);
  });

  it('weighs a common word as common from the first article on, and lets the stream take over', () => {
    const v = createVocabulary({ documents: 10, backgroundDocuments: 100, background: corpus });
    const [said, nato, novel] = [v.id('said'), v.id('nato'), v.id('zyxq')];
    v.addDocument([said, nato, novel]);
    expect(v.idf(said)).toBeCloseTo(Math.log(111) - Math.log(1.5 + 50), 5);
    expect(v.idf(nato)).toBeCloseTo(Math.log(111) - Math.log(1.5 + 1), 5);
    expect(v.idf(novel)).toBeCloseTo(Math.log(111) - Math.log(1.5), 5);
    expect(v.idf(said)).toBeLessThan(v.idf(nato) / 3);
    // 900 more stream documents, each with "nato": the stream's own count now outweighs the background.
    for (let i = 0; i < 900; i += 1) v.addDocument([nato]);
    expect(v.idf(nato)).toBeCloseTo(Math.log(1011) - Math.log(901.5 + 1), 5);
  });

  it('calls a term seen only once some other stream document had it, whatever the background says', () => {
    const v = createVocabulary({ documents: 10, backgroundDocuments: 100, background: corpus });
    const said = v.id('said');
    v.addDocument([said]);
    expect(v.weights().seen[said]).toBe(0);
    v.addDocument([said]);
    expect(v.weights().seen[said]).toBe(1);
  });
});
