// Concept values for coverage selection (coverage-select.ts), after Gillick & Favre 2009 (ICSISumm) and its
// learned-weight follow-up (Berg-Kirkpatrick, Gillick & Klein 2011): a concept is a pair of adjacent stemmed
// words, and its value is the estimated probability that a human summary of the story uses that pair.
// The estimate is a logistic model over features every story has, fitted once (concept-model.ts); it
// replaces the plain "number of articles" weight, which gave nothing to a pair only one article uses, and
// knew nothing of where in an article the pair first appears.
import type { Candidate } from './candidates.ts';
import type { Article } from '../domain/article.ts';
import { isStopword, stem, words } from '../text/tokens.ts';
import { articleCentrality } from './article-centrality.ts';
import { CONCEPT_FEATURES, CONCEPT_MODEL, type ConceptModel } from './concept-model.ts';


// Words as written, to read capitals; the same shape of word as src/text/tokens.ts `words`.
const CASED_WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;


/** Column of each feature in a row of `ConceptFeatures.features`. */
const COLUMN = Object.fromEntries(CONCEPT_FEATURES.map((name, i) => [name, i])) as Record<(typeof CONCEPT_FEATURES)[number], number>;

export interface ConceptValues {
  /** Distinct concept ids per candidate (same index as the candidate list). */
  readonly conceptsOf: readonly Int32Array[];
  /** Per candidate, the concept id of each adjacent token pair in order (pair k ends at token k + 1). */
  readonly pairsAt: readonly Int32Array[];
  /** Estimated probability, per concept id, that a summary of the story uses the concept. */
  readonly values: Float64Array;
  /**
   * Per candidate: the summed share of the story's other articles that use each of its words (every token,
   * function words too, as ROUGE-1 counts them). A sentence worded the way the other outlets word the story
   * is worded the way a summary of it will be; this credits shared words even where no shared pair does.
   */
  readonly agreement: Float64Array;
  /**
   * Per candidate, the concept id of each token as a content-word concept, -1 for a function word. Word
   * concepts (ids after the pair ids) are valued by `wordWeight` times the share of other articles using the
   * word: a second sentence that restates the first one's facts in other word pairs ("upheld the travel ban"
   * / "upheld the latest iteration of the travel sanctions") still repeats its words, and gains nothing for them.
   */
  readonly wordsAt: readonly Int32Array[];
}

export interface ConceptFeatures {
  readonly conceptsOf: readonly Int32Array[];
  /** Per candidate, the concept id of each adjacent token pair in order (pair k ends at token k + 1). */
  readonly pairsAt: readonly Int32Array[];
  readonly agreement: Float64Array;
  /** Per candidate, the stem id of each token, -1 for a function word (see ConceptValues.wordsAt). */
  readonly stemsAt: readonly Int32Array[];
  /** Per stem id, the share of the story's other articles that use the stem. */
  readonly stemShares: Float64Array;
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
  /** Highest centrality (articleCentrality) of an article that uses the pair. */
  central: number;
  /** 1 while every use of the pair so far is inside a quotation. */
  quoted: number;
  /** 1 once the pair has been a sentence's first or second pair. */
  opener: number;
}

/**
 * Concept values of a story: word pairs valued by `model` (the shipped CONCEPT_MODEL unless a bench passes one
 * fitted on other rows), and (with `wordWeight` > 0) content words valued by `wordWeight` times the share of
 * other articles using them (ConceptValues.wordsAt).
 */
export function buildConceptValues(
  candidates: readonly Candidate[],
  articles: readonly Article[],
  sentencesPerArticle: readonly number[],
  wordWeight = 0,
  model: ConceptModel = CONCEPT_MODEL,
): ConceptValues {
  const f = conceptFeatures(candidates, articles, sentencesPerArticle);
  const { pairsAt, agreement, features, count } = f;
  const width = CONCEPT_FEATURES.length;
  const weights = CONCEPT_FEATURES.map((name) => model[name]);
  const values = new Float64Array(count + (wordWeight > 0 ? f.stemShares.length : 0));
  for (let id = 0; id < count; id += 1) {
    let z = model.bias;
    for (let f = 0; f < width; f += 1) z += weights[f]! * features[id * width + f]!;
    values[id] = 1 / (1 + Math.exp(-z));
  }
  if (wordWeight <= 0) return { conceptsOf: f.conceptsOf, pairsAt, values, agreement, wordsAt: f.stemsAt.map(() => NO_WORDS) };
  for (let stem = 0; stem < f.stemShares.length; stem += 1) values[count + stem] = wordWeight * f.stemShares[stem]!;
  const wordsAt = f.stemsAt.map((stems) => {
    const out = new Int32Array(stems.length);
    for (let k = 0; k < stems.length; k += 1) out[k] = stems[k]! < 0 ? -1 : count + stems[k]!;
    return out;
  });
  const mark = new Int32Array(values.length).fill(-1);
  const conceptsOf = f.conceptsOf.map((pairs, i) => withWords(pairs, wordsAt[i]!, mark, i));
  return { conceptsOf, pairsAt, values, agreement, wordsAt };
}

const NO_WORDS = new Int32Array(0);

/**
 * Pair concept ids (distinct) followed by the distinct word concept ids of `words` (-1 entries skipped).
 * `mark` (one slot per concept id) and a `stamp` not used before with it spare a Set per sentence.
 */
export function withWords(pairs: Int32Array, words: Int32Array, mark: Int32Array, stamp: number): Int32Array {
  let extra = 0;
  for (const id of words) {
    if (id < 0 || mark[id] === stamp) continue;
    mark[id] = stamp;
    extra += 1;
  }
  if (extra === 0) return pairs;
  const out = new Int32Array(pairs.length + extra);
  out.set(pairs);
  let at = pairs.length;
  for (const id of words) {
    if (id < 0 || mark[id] !== stamp) continue;
    mark[id] = -2 - stamp;
    out[at++] = id;
  }
  return out;
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
  for (const a of articles) {
    for (const t of words(a.title)) {
      const id = stemIds.get(stem(t));
      if (id !== undefined) titleStems.add(id);
    }
  }
  const titleCounts = titlePairCounts(articles, stemIds);
  const centrality = articleCentrality(candidates, stemsOf, infosOf, articles.length, stemIds.size);

  const pairIds = new Map<number, number>();
  const pairsAt: Int32Array[] = [];
  const stats: PairStats[] = [];
  // Candidate index that last counted each pair, so a pair repeated inside one sentence counts once.
  let lastCandidate = new Int32Array(1024).fill(-1);
  const conceptsOf = candidates.map((c, i) => {
    const ids = stemsOf[i]!;
    const infos = infosOf[i]!;
    const out: number[] = [];
    const at = new Int32Array(Math.max(0, ids.length - 1));
    pairsAt.push(at);
    const relative = c.position / Math.max(1, sentencesPerArticle[c.articleIndex] ?? 1);
    // Capitals only when the cased split lines up with the tokens (it does unless a word had a rare form).
    const cased = c.text.match(CASED_WORD) ?? [];
    const capital = cased.length === ids.length ? cased.map((w, k) => k > 0 && w[0] !== w[0]!.toLowerCase()) : [];
    const quoted = cased.length === ids.length ? quotedWords(c.text) : [];
    for (let k = 1; k < ids.length; k += 1) {
      const key = pairKey(ids[k - 1]!, ids[k]!, stemIds.size);
      let id = pairIds.get(key);
      if (id === undefined) {
        pairIds.set(key, (id = pairIds.size));
        const stops = Number(infos[k - 1]!.stop) + Number(infos[k]!.stop);
        stats.push({
          lastArticle: -1, articles: 0, sentences: 0, relativePosition: 1, stops, leadArticles: 0, lastLeadArticle: -1,
          capitals: 0, number: infos[k - 1]!.digit || infos[k]!.digit, first: ids[k - 1]!, second: ids[k]!,
          central: 0, quoted: 1, opener: 0,
        });
      }
      if (id >= lastCandidate.length) {
        const grown = new Int32Array(lastCandidate.length * 2).fill(-1);
        grown.set(lastCandidate);
        lastCandidate = grown;
      }
      at[k - 1] = id;
      if (lastCandidate[id] === i) continue;
      lastCandidate[id] = i;
      out.push(id);
      const s = stats[id]!;
      s.sentences += 1;
      if (quoted[k - 1] !== true || quoted[k] !== true) s.quoted = 0;
      if (k <= 2) s.opener = 1;
      s.relativePosition = Math.min(s.relativePosition, relative);
      s.capitals = Math.max(s.capitals, Number(capital[k - 1] === true) + Number(capital[k] === true));
      if (c.position === 0 && s.lastLeadArticle !== c.articleIndex) {
        s.lastLeadArticle = c.articleIndex;
        s.leadArticles += 1;
      }
      if (s.lastArticle !== c.articleIndex) {
        s.lastArticle = c.articleIndex;
        s.central = Math.max(s.central, centrality[c.articleIndex] ?? 0);
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
    // Only a pair of two title words can be a title pair: most pairs skip the lookup.
    const inTitles = titleStems.has(s.first) && titleStems.has(s.second) ? (titleCounts.get(pairKey(s.first, s.second, stemIds.size)) ?? 0) : 0;
    // Written straight into the row (no object per pair: a 50-article story has ~10k pairs). A feature added
    // to CONCEPT_MODEL needs its line here.
    const o = id * width;
    features[o + COLUMN.share] = (s.articles - 1) / others;
    features[o + COLUMN.multi] = s.articles >= 2 ? 1 : 0;
    features[o + COLUMN.relativePosition] = s.relativePosition;
    features[o + COLUMN.logSentences] = Math.log(s.sentences);
    features[o + COLUMN.title] = inTitles > 0 ? 1 : 0;
    features[o + COLUMN.titleWords] = Number(titleStems.has(s.first)) + Number(titleStems.has(s.second));
    features[o + COLUMN.noStopword] = s.stops === 0 ? 1 : 0;
    features[o + COLUMN.bothStopwords] = s.stops === 2 ? 1 : 0;
    features[o + COLUMN.wordShareMin] = Math.min(shareA, shareB);
    features[o + COLUMN.wordShareMax] = Math.max(shareA, shareB);
    features[o + COLUMN.leadShare] = Math.max(0, s.leadArticles - 1) / others;
    features[o + COLUMN.oneCapital] = s.capitals === 1 ? 1 : 0;
    features[o + COLUMN.twoCapitals] = s.capitals === 2 ? 1 : 0;
    features[o + COLUMN.number] = s.number ? 1 : 0;
    features[o + COLUMN.titleShare] = inTitles / Math.max(1, articles.length);
    features[o + COLUMN.central] = s.central;
    features[o + COLUMN.quoted] = s.quoted;
    features[o + COLUMN.inLead] = s.leadArticles > 0 ? 1 : 0;
    features[o + COLUMN.shareEarly] = ((s.articles - 1) / others) * (1 - s.relativePosition);
    features[o + COLUMN.opener] = s.opener;
    features[o + COLUMN.capsShare] = (s.capitals === 2 ? 1 : 0) * ((s.articles - 1) / others);
  });
  const stemsAt = stemsOf.map((ids, i) => {
    const infos = infosOf[i]!;
    const out = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k += 1) out[k] = infos[k]!.stop ? -1 : ids[k]!;
    return out;
  });
  const stemShares = new Float64Array(stemIds.size);
  for (let id = 0; id < stemShares.length; id += 1) stemShares[id] = ((wordArticles[id] ?? 1) - 1) / others;
  return { conceptsOf, pairsAt, agreement, features, count: stats.length, stemsAt, stemShares };
}

/**
 * Per cased word of a sentence (CASED_WORD matches), whether it stands inside double quotation marks
 * (candidates arrive with curly quotes already straightened). Empty for the many sentences without a quote.
 */
function quotedWords(text: string): boolean[] {
  if (!text.includes('"')) return [];
  const out: boolean[] = [];
  let inside = false;
  let at = 0;
  for (const match of text.matchAll(CASED_WORD)) {
    for (; at < match.index; at += 1) if (text.charCodeAt(at) === 34) inside = !inside;
    out.push(inside);
  }
  return out;
}

/** Per title pair key, how many articles' titles use it. */
function titlePairCounts(articles: readonly Article[], stemIds: ReadonlyMap<string, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const a of articles) {
    const ids = words(a.title).map((t) => stemIds.get(stem(t)) ?? -1);
    const seen = new Set<number>();
    for (let k = 1; k < ids.length; k += 1) {
      if (ids[k - 1]! < 0 || ids[k]! < 0) continue;
      const key = pairKey(ids[k - 1]!, ids[k]!, stemIds.size);
      if (seen.has(key)) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

// One number per pair. With fewer than 2^15 stems (any real story) the key stays a small integer, which
// a Map hashes much faster than a heap number; past that it is still exact as a double.
function pairKey(a: number, b: number, stems: number): number {
  return stems < 32_768 ? a * 32_768 + b : a * 4_194_304 + b;
}
