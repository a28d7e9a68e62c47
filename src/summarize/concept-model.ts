// The fitted logistic model that values a story's concepts (concept-values.ts builds its features). Kept apart
// from the feature code so that a refit (bench/fit-concept-model.ts) touches only these numbers.

/**
 * Logistic coefficients. Fitted by maximum likelihood on the AllSides and Multi-News development rows, the
 * two sets weighted equally (label: the pair occurs in the reference summary), so one model
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
 * - titleShare: share of the story's titles that use the pair (headline wording several outlets agree on is
 *   the wording of a neutral summary; it took over most of the weight of the plain "in a title" flag).
 * - central: the highest centrality of an article using the pair (articleCentrality: the report closest to
 *   all the others, usually the centre outlet's, is the one a neutral summary follows most closely).
 * - quoted: every use of the pair is inside a quotation. Summaries quote the words that matter ("a serious
 *   problem the likes of which we have never had"); a quoted pair is the speaker's own wording, which a summary
 *   takes over verbatim when it quotes, while a paraphrase of it seldom keeps the same two words.
 * - inLead: some article's lead sentence uses the pair (leadShare counts only the other articles).
 * - shareEarly: share times how early the pair first appears (1 - relativePosition): agreement among the
 *   outlets' opening facts counts more than agreement on background further down; it took over "share".
 * - opener: the pair is among the first two of a sentence (its subject: "President Trump", "The Senate").
 * - capsShare: a name (twoCapitals) that other articles use too.
 * Features were added one at a time on the even-numbered rows of both sets (titleShare and central, then
 * quoted, then the last four). The coefficients below are fitted on every row by bench/fit-concept-model.ts;
 * the summarize bench judges them by refitting per fold and scoring only rows a fold did not fit on.
 */
export const CONCEPT_MODEL = {
  bias: -3.456,
  share: 0.458,
  multi: 0.008,
  relativePosition: -1.096,
  logSentences: 1.021,
  title: 0.028,
  titleWords: 0.191,
  noStopword: 0.092,
  bothStopwords: 0.063,
  wordShareMin: 0.474,
  wordShareMax: 0.165,
  leadShare: 0.625,
  oneCapital: 0.076,
  twoCapitals: 0.714,
  number: 0.411,
  titleShare: 1.721,
  central: 0.731,
  quoted: 0.926,
  inLead: 0.102,
  shareEarly: -0.068,
  opener: 0.081,
  capsShare: -0.054,
} as const;

/** A fitted concept model: the bias and one coefficient per feature (CONCEPT_MODEL is the shipped one). */
export type ConceptModel = { readonly [K in keyof typeof CONCEPT_MODEL]: number };

/** Feature names in the column order of `ConceptFeatures.features` (every CONCEPT_MODEL key but the bias). */
export const CONCEPT_FEATURES = Object.keys(CONCEPT_MODEL).filter((k) => k !== 'bias') as readonly Exclude<keyof typeof CONCEPT_MODEL, 'bias'>[];
