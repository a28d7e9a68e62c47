// Word tokens: the one tokenizer every step uses, so dedupe, cluster and summarize agree on "a word".
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.ts';
import { createWordSpan, nextWord } from './word-scanner.ts';

/** Lower-cased word tokens, in order; possessive "'s" dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const span = createWordSpan();
  for (let at = 0; nextWord(lower, at, lower.length, span); at = span.end) {
    // Only a token with an apostrophe can carry a possessive or a curly apostrophe to straighten.
    out.push(span.apostrophe ? straighten(lower.slice(span.start, span.end)) : lower.slice(span.start, span.end));
  }
  return out;
}

function straighten(word: string): string {
  return word.replace(/['\u2019]s$/u, '').replace(/\u2019/gu, "'");
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem, memoized: news vocabularies repeat heavily, and stemming dominates tokenization cost. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(word) ? word : stemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Content terms: stemmed words without stopwords or one-letter tokens. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || isStopword(word)) continue;
    out.push(stem(word));
  }
  return out;
}
