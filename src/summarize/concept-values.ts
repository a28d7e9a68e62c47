// Concept values for coverage selection (coverage-select.ts), after Gillick & Favre 2009 (ICSISumm) and its
// learned-weight follow-up (Berg-Kirkpatrick, Gillick & Klein 2011): a concept is a pair of adjacent stemmed
// words, and its value is the estimated probability that a human summary of the story uses that pair.
// The estimate is a logistic model over features every story has, fitted once (see CONCEPT_MODEL); it
// replaces the plain "number of articles" weight, which gave nothing to a pair only one article uses, and
// knew nothing of where in an article the pair first appears.
import type { Candidate } from './candidates.ts';
import type { Article } from '../domain/article.ts';
import { isStopword, stem, words } from '../text/tokens.ts';

/**
 * Logistic coefficients. Fitted by maximum likelihood on the AllSides and Multi-News validation rows, the
 * two sets weighted equally (600k pairs; label: the pair occurs in the reference summary), so one model
 * serves 3-sentence excerpts and 25-sentence articles alike. Each feature is general:
 * - share: fraction of the story's other articles that use the pair; multi: at least one other does.
 * - relativePosition: first position of the pair within its article, divided by the article's sentence count:
 *   a lead's facts are the story's facts, and "early" is relative, so sentence 2 of a 3-sentence excerpt is
 *   already late while sentence 2 of a long report is still lead (this is the length-aware position prior).
 * - logSentences: log of the number of sentences that use the pair (a fact restated is a fact that matters).
 * - title: the pair is in a title; titleWords: how many of its two words are in a title.
 * - noStopword / bothStopwords: content pairs ("peace deal") and function pairs ("of the", which summaries
 *   also use) against the mixed ones ("the deal").
 * - wordShareMin / wordShareMax: the share of other articles using each of the two words on its own, so a
 *   pair of shared words counts even when the outlets word it differently.
 * - leadShare: share of other articles whose lead sentence uses the pair (the facts every outlet opens with).
 * - oneCapital / twoCapitals: capitalized words not opening the sentence (names: "Oroville Dam", "Ed Murray").
 * - number: the pair holds a digit (counts, dates and sums are what summaries report).
 */
export const CONCEPT_MODEL = {
  bias: -2.519,
  share: 0.139,
  multi: 0.164,
  relativePosition: -0.702,
  logSentences: 1.097,
  title: 0.747,
  titleWords: 0.197,
  noStopword: 0.091,
  bothStopwords: 0.126,
  wordShareMin: 0.497,
  wordShareMax: 0.109,
  leadShare: 0.642,
  oneCapital: 0.097,
  twoCapitals: 0.775,
  number: 0.379,
} as const;

// Words as written, to read capitals; the same shape of word as src/text/tokens.ts `words`.
const CASED_WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

/** Feature names in the column order of `ConceptFeatures.features` (every CONCEPT_MODEL key but the bias). */
export const CONCEPT_FEATURES = Object.keys(CONCEPT_MODEL).filter((k) => k !== 'bias') as readonly Exclude<keyof typeof CONCEPT_MODEL, 'bias'>[];

export interface ConceptValues {
  /** Distinct concept ids per candidate (same index as the candidate list). */
  readonly conceptsOf: readonly Int32Array[];
  /** Estimated probability, per concept id, that a summary of the story uses the concept. */
  readonly values: Float64Array;
  /**
   * Per candidate: the summed share of the story's other articles that use each of its words (every token,
   * function words too, as ROUGE-1 counts them). A sentence worded the way the other outlets word the story
   * is worded the way a summary of it will be; this credits shared words even where no shared pair does.
   */
  readonly agreement: Float64Array;
}

export interface ConceptFeatures {
  readonly conceptsOf: readonly Int32Array[];
  readonly agreement: Float64Array;
  /** Row-major, one row of CONCEPT_FEATURES.length columns per concept id. */
  readonly features: Float64Array;
  readonly count: number;
}

interface PairStats {
  lastArticle: number;
  articles: number;
  sentences: number;
  relativePosition: number;
  stops: number;
  leadArticles: number;
  lastLeadArticle: number;
  capitals: number;
  number: boolean;
  first: number;
  second: number;
}

export function buildConceptValues(
  candidates: readonly Candidate[],
  articles: readonly Article[],
  sentencesPerArticle: readonly number[],
): ConceptValues {
  const { conceptsOf, agreement, features, count } = conceptFeatures(candidates, articles, sentencesPerArticle);
  const width = CONCEPT_FEATURES.length;
  const weights = CONCEPT_FEATURES.map((name) => CONCEPT_MODEL[name]);
  const values = new Float64Array(count);
  for (let id = 0; id < count; id += 1) {
    let z = CONCEPT_MODEL.bias;
    for (let f = 0; f < width; f += 1) z += weights[f]! * features[id * width + f]!;
    values[id] = 1 / (1 + Math.exp(-z));
  }
  return { conceptsOf, values, agreement };
}

/** The concepts of each candidate and the features of each concept (the inputs of CONCEPT_MODEL). */
export function conceptFeatures(
  candidates: readonly Candidate[],
  articles: readonly Article[],
  sentencesPerArticle: readonly number[],
): ConceptFeatures {
  // Stems are interned to numbers; a pair key is two stem ids, so no string is built per pair. Each distinct
  // token is stemmed and classified once per story (a 50-article story has ~12k tokens, ~3k distinct).
  const stemIds = new Map<string, number>();
  const stemId = (word: string): number => {
    let id = stemIds.get(word);
    if (id === undefined) stemIds.set(word, (id = stemIds.size));
    return id;
  };
  const tokenInfo = new Map<string, { readonly stem: number; readonly stop: boolean; readonly digit: boolean }>();
  const infoOf = (token: string): { readonly stem: number; readonly stop: boolean; readonly digit: boolean } => {
    let info = tokenInfo.get(token);
    if (info === undefined) tokenInfo.set(token, (info = { stem: stemId(stem(token)), stop: isStopword(token), digit: /\d/.test(token) }));
    return info;
  };
  const infosOf = candidates.map((c) => c.tokens.map(infoOf));
  const stemsOf = infosOf.map((infos) => Int32Array.from(infos, (i) => i.stem));
  // Articles that use each stem, for the word-share features.
  const wordArticles: number[] = [];
  const wordLast: number[] = [];
  candidates.forEach((c, i) => {
    for (const id of stemsOf[i]!) {
      if (wordLast[id] === c.articleIndex) continue;
      wordLast[id] = c.articleIndex;
      wordArticles[id] = (wordArticles[id] ?? 0) + 1;
    }
  });
  const titleStems = new Set<number>();
  const titlePairs = new Set<number>();
  for (const a of articles) {
    const ids = words(a.title).map((t) => stemIds.get(stem(t)) ?? -1);
    ids.forEach((id, k) => {
      if (id >= 0) titleStems.add(id);
      if (k > 0 && id >= 0 && ids[k - 1]! >= 0) titlePairs.add(pairKey(ids[k - 1]!, id, stemIds.size));
    });
  }

  const pairIds = new Map<number, number>();
  const stats: PairStats[] = [];
  // Candidate index that last counted each pair, so a pair repeated inside one sentence counts once.
  let lastCandidate = new Int32Array(1024).fill(-1);
  const conceptsOf = candidates.map((c, i) => {
    const ids = stemsOf[i]!;
    const infos = infosOf[i]!;
    const out: number[] = [];
    const relative = c.position / Math.max(1, sentencesPerArticle[c.articleIndex] ?? 1);
    // Capitals only when the cased split lines up with the tokens (it does unless a word had a rare form).
    const cased = c.text.match(CASED_WORD) ?? [];
    const capital = cased.length === ids.length ? cased.map((w, k) => k > 0 && w[0] !== w[0]!.toLowerCase()) : [];
    for (let k = 1; k < ids.length; k += 1) {
      const key = pairKey(ids[k - 1]!, ids[k]!, stemIds.size);
      let id = pairIds.get(key);
      if (id === undefined) {
        pairIds.set(key, (id = pairIds.size));
        const stops = Number(infos[k - 1]!.stop) + Number(infos[k]!.stop);
        stats.push({
          lastArticle: -1, articles: 0, sentences: 0, relativePosition: 1, stops, leadArticles: 0, lastLeadArticle: -1,
          capitals: 0, number: infos[k - 1]!.digit || infos[k]!.digit, first: ids[k - 1]!, second: ids[k]!,
        });
      }
      if (id >= lastCandidate.length) {
        const grown = new Int32Array(lastCandidate.length * 2).fill(-1);
        grown.set(lastCandidate);
        lastCandidate = grown;
      }
      if (lastCandidate[id] === i) continue;
      lastCandidate[id] = i;
      out.push(id);
      const s = stats[id]!;
      s.sentences += 1;
      s.relativePosition = Math.min(s.relativePosition, relative);
      s.capitals = Math.max(s.capitals, Number(capital[k - 1] === true) + Number(capital[k] === true));
      if (c.position === 0 && s.lastLeadArticle !== c.articleIndex) {
        s.lastLeadArticle = c.articleIndex;
        s.leadArticles += 1;
      }
      if (s.lastArticle !== c.articleIndex) {
        s.lastArticle = c.articleIndex;
        s.articles += 1;
      }
    }
    return Int32Array.from(out);
  });

  const others = Math.max(1, articles.length - 1);
  const agreement = Float64Array.from(stemsOf, (ids) => {
    let sum = 0;
    for (const id of ids) sum += ((wordArticles[id] ?? 1) - 1) / others;
    return sum;
  });
  const width = CONCEPT_FEATURES.length;
  const features = new Float64Array(stats.length * width);
  stats.forEach((s, id) => {
    const shareA = ((wordArticles[s.first] ?? 1) - 1) / others;
    const shareB = ((wordArticles[s.second] ?? 1) - 1) / others;
    const row: Record<(typeof CONCEPT_FEATURES)[number], number> = {
      share: (s.articles - 1) / others,
      multi: s.articles >= 2 ? 1 : 0,
      relativePosition: s.relativePosition,
      logSentences: Math.log(s.sentences),
      title: titlePairs.has(pairKey(s.first, s.second, stemIds.size)) ? 1 : 0,
      titleWords: Number(titleStems.has(s.first)) + Number(titleStems.has(s.second)),
      noStopword: s.stops === 0 ? 1 : 0,
      bothStopwords: s.stops === 2 ? 1 : 0,
      wordShareMin: Math.min(shareA, shareB),
      wordShareMax: Math.max(shareA, shareB),
      leadShare: Math.max(0, s.leadArticles - 1) / others,
      oneCapital: s.capitals === 1 ? 1 : 0,
      twoCapitals: s.capitals === 2 ? 1 : 0,
      number: s.number ? 1 : 0,
    };
    CONCEPT_FEATURES.forEach((name, f) => {
      features[id * width + f] = row[name];
    });
  });
  return { conceptsOf, agreement, features, count: stats.length };
}

// One number per pair. With fewer than 2^15 stems (any real story) the key stays a small integer, which
// a Map hashes much faster than a heap number; past that it is still exact as a double.
function pairKey(a: number, b: number, stems: number): number {
  return stems < 32_768 ? a * 32_768 + b : a * 4_194_304 + b;
}
