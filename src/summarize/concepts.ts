// Concepts for coverage-driven selection (Gillick & Favre 2009, the ICSI summarizer): a concept is a pair
// of adjacent stemmed words, weighted by how many of the story's articles use it. A summary should cover as
// much concept weight as it can; a concept counts once, so a sentence that repeats covered facts gains
// nothing. This is the marginal-relevance half of MMR in mmr.ts.
import { isStopword, stem } from '../text/tokens.ts';
import type { Candidate } from './candidates.ts';

export interface ConceptModel {
  /** Distinct concept ids per candidate key. */
  readonly conceptsOf: ReadonlyMap<string, Int32Array>;
  /** Weight per concept id; 0 for concepts that only one article uses. */
  readonly weights: Float64Array;
}

// A pair seen in a single article is that outlet's wording, not a shared fact; with a single article,
// repetition inside it is the only signal, so the floor becomes two sentences instead.
const MIN_ARTICLES_PER_CONCEPT = 2;

export function buildConcepts(candidates: readonly Candidate[], articleCount: number): ConceptModel {
  // Stems and pairs are interned to numbers: a pair key is two stem ids, so no string is built per pair.
  const stemIds = new Map<string, number>();
  const stemId = (word: string): number => {
    let id = stemIds.get(word);
    if (id === undefined) stemIds.set(word, (id = stemIds.size));
    return id;
  };
  const ids = new Map<number, number>();
  const conceptsOf = candidates.map((c) => {
    const tokens = c.tokens;
    const out = new Set<number>();
    let previous = -1;
    let previousStop = true;
    for (const token of tokens) {
      const current = stemId(stem(token));
      const stop = isStopword(token);
      // Two function words ("of the") carry no fact.
      if (previous >= 0 && !(stop && previousStop)) {
        const key = previous * 4_194_304 + current;
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size));
        out.add(id);
      }
      previous = current;
      previousStop = stop;
    }
    return Int32Array.from(out);
  });
  // Count distinct articles (or, for a one-article story, distinct sentences) per concept.
  const units = new Uint32Array(ids.size);
  const lastUnit = new Int32Array(ids.size).fill(-1);
  candidates.forEach((c, i) => {
    const unit = articleCount > 1 ? c.articleIndex : i;
    for (const id of conceptsOf[i]!) {
      if (lastUnit[id] === unit) continue;
      lastUnit[id] = unit;
      units[id] = units[id]! + 1;
    }
  });
  const weights = Float64Array.from(units, (n) => (n >= MIN_ARTICLES_PER_CONCEPT ? n : 0));
  return { conceptsOf: new Map(candidates.map((c, i) => [c.key, conceptsOf[i]!])), weights };
}
