// Issue 19: `explain` says what each score was measured against.
import { describe, expect, it } from 'vitest';
import { explainLines } from '../../src/cli/explain-text.ts';
import type { Explanation } from '../../src/cluster/types.ts';

const base: Explanation = {
  articleId: 'a-1',
  storyId: 's-1',
  decision: 'new-story',
  score: 0.161,
  threshold: 0.23,
  rewriteOf: null,
  rewriteSimilarity: null,
  sharedNames: [],
  sharedTerms: [],
  features: [],
  pairSimilarity: null,
};
const feature = { feature: 'cosine' as const, value: 0.2, contribution: -1.5 };

describe('explain text', () => {
  it('says that an opener turned down the best candidate story, and at which cutoff', () => {
    const text = explainLines({ ...base, features: [feature] }, undefined).join('\n');
    expect(text).toContain('join probability for the best candidate story: 0.161, below the cutoff 0.230, so it opened s-1');
    expect(text).toContain('feature contributions (log-odds of joining the best candidate story):');
    expect(text).not.toMatch(/score 0\.161 \(threshold/);
  });

  it('says when there was no candidate at all instead of printing a probability of 0', () => {
    const text = explainLines({ ...base, score: 0 }, undefined).join('\n');
    expect(text).toContain('no earlier story was a candidate');
    expect(text).not.toContain('0.000');
  });

  it('names the story joined and the article rewritten', () => {
    const joined = explainLines({ ...base, decision: 'joined-story', score: 0.962, threshold: 0.4, features: [feature] }, undefined).join('\n');
    expect(joined).toContain('join probability for story s-1: 0.962 (an article joins a story at or above 0.400)');
    const rewrite = explainLines({ ...base, decision: 'rewrite', score: 0.313, threshold: 0.25, rewriteOf: 'a-0', rewriteSimilarity: 0.31 }, undefined).join('\n');
    expect(rewrite).toContain('text overlap with a-0: 0.313 (an article at or above 0.250 is a rewrite of it)');
  });
});
