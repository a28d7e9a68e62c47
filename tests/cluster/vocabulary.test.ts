// Online IDF with topic pseudo-counts: a term in every document so far weighs less early in a stream only.
import { describe, expect, it } from 'vitest';
import { createVocabulary, type IdfPrior } from '../../src/cluster/vocabulary.ts';

const PRIOR: IdfPrior = { documents: 10, topicDocuments: 4, topicPower: 8, topicFrom: 3 };

describe('vocabulary IDF', () => {
  it('treats a term in every document so far as a topic word once there are enough documents', () => {
    const v = createVocabulary(PRIOR);
    const [topic, event, other] = [v.id('nato'), v.id('lavrov'), v.id('bloomberg')];
    v.addDocument([topic, other]);
    v.addDocument([topic, other]);
    // Two documents: topic and event words cannot be told apart yet, so no discount.
    expect(v.idf(topic)).toBeCloseTo(Math.log(12) - Math.log(2.5), 5);
    v.addDocument([topic, event]);
    v.addDocument([topic, event]);
    // In 4 of 4 documents: almost all four topic pseudo-documents hold it. In 2 of 4: next to none.
    expect(v.idf(topic)).toBeCloseTo(Math.log(14) - Math.log(4.5 + 4), 5);
    expect(v.idf(event)).toBeCloseTo(Math.log(14) - Math.log(2.5 + 4 * 0.5 ** 8), 5);
    expect(v.idf(event)).toBeGreaterThan(2 * v.idf(topic));
    // Plain weights (for choosing which terms to keep) have no topic pseudo-counts.
    const plain = v.plainWeights();
    expect(plain.logN - plain.logDf[topic]!).toBeCloseTo(Math.log(14) - Math.log(4.5), 5);
  });

  it('gives the plain smoothed IDF back once the term is no longer in (nearly) every document', () => {
    const v = createVocabulary(PRIOR);
    const topic = v.id('nato');
    for (let i = 0; i < 4; i += 1) v.addDocument([topic]);
    for (let i = 0; i < 20; i += 1) v.addDocument([v.id(`word${i}`)]);
    expect(v.idf(topic)).toBeCloseTo(Math.log(34) - Math.log(4.5), 5);
    // A term seen once keeps log 1.5 exactly (sparse.ts reads that as "in one document").
    expect(v.weights().logDf[v.id('word3')]).toBeCloseTo(Math.log(1.5), 6);
  });
});
