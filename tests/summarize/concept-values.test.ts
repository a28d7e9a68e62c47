import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { CONCEPT_FEATURES } from '../../src/summarize/concept-model.ts';
import { buildConceptValues, conceptFeatures } from '../../src/summarize/concept-values.ts';
import { EXTRACTIVE_DEFAULTS } from '../../src/summarize/defaults.ts';
import { buildStoryModel } from '../../src/summarize/story-model.ts';

const article = (id: string, text: string): Article => ({ id, title: '', text, source: '', url: null, path: null, published: null });

/** The `quoted` feature of the pair that ends at token `k` of candidate `i`. */
function quotedAt(articles: readonly Article[], i: number, k: number): number {
  const model = buildStoryModel(articles, EXTRACTIVE_DEFAULTS);
  const f = conceptFeatures(model.candidates, articles, model.byArticle.map((a) => a.length));
  const id = f.pairsAt[i]![k - 1]!;
  return f.features[id * CONCEPT_FEATURES.length + CONCEPT_FEATURES.indexOf('quoted')]!;
}

describe('conceptFeatures: quoted', () => {
  it('marks a pair whose every use is inside a quotation, curly quotes included', () => {
    const text = 'The mayor said the storm was \u201ca serious problem for the whole city\u201d and asked residents to stay home.';
    // Tokens: the(0) mayor(1) said(2) the(3) storm(4) was(5) a(6) serious(7) problem(8) ...
    expect(quotedAt([article('a', text)], 0, 8)).toBe(1); // "serious problem"
    expect(quotedAt([article('a', text)], 0, 2)).toBe(0); // "mayor said"
    // "was a" straddles the opening quotation mark: only one of its words is quoted.
    expect(quotedAt([article('a', text)], 0, 6)).toBe(0);
  });

  it('does not mark a quoted pair that another sentence uses outside quotation marks', () => {
    const quoted = article('a', 'The mayor said the city faces "a serious problem" after the storm hit on Monday night.');
    const plain = article('b', 'Officials called the flooding a serious problem for the city after the storm on Monday.');
    // Tokens of the first: the mayor said the city faces a serious(7) problem(8) ...
    expect(quotedAt([quoted], 0, 8)).toBe(1);
    expect(quotedAt([quoted, plain], 0, 8)).toBe(0);
  });
});

describe('buildConceptValues: word concepts', () => {
  it('values each content word once per sentence by the share of other articles using it', () => {
    const articles = [
      article('a', 'The Supreme Court upheld the travel ban on Tuesday in a ruling on presidential power.'),
      article('b', 'The Supreme Court upheld the ban on travel from several countries on Tuesday.'),
    ];
    const model = buildStoryModel(articles, EXTRACTIVE_DEFAULTS);
    const sentences = model.byArticle.map((a) => a.length);
    const without = buildConceptValues(model.candidates, articles, sentences);
    const withWords = buildConceptValues(model.candidates, articles, sentences, 0.1);
    // The pair concepts and their values are the same; word concepts come after them.
    expect(withWords.values.subarray(0, without.values.length)).toEqual(without.values);
    const first = withWords.conceptsOf[0]!;
    const words = [...first].filter((id) => id >= without.values.length);
    expect(new Set(words).size).toBe(words.length);
    // "supreme", "court", "upheld", "travel", "ban" are in both articles: worth 0.1 each ("tuesday" is a stopword).
    expect(words.filter((id) => withWords.values[id] === 0.1)).toHaveLength(5);
    // Function words are no concepts.
    expect(withWords.wordsAt[0]![0]).toBe(-1);
  });
});
