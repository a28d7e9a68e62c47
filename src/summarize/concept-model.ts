// The fitted logistic model that values a story's concepts (concept-values.ts builds its features). Kept apart
// from the feature code so that a refit (bench/fit-concept-model.ts) touches only these numbers.

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
 * Refitted with titleShare and central, then with quoted, then with the last four, on the even-numbered rows
 * of both sets (odd rows held back to check) by bench/fit-concept-model.ts.
 */
export const CONCEPT_MODEL = {
  bias: -3.570,
  share: -0.017,
  multi: 0.139,
  relativePosition: -1.091,
  logSentences: 1.058,
  title: -0.001,
  titleWords: 0.218,
  noStopword: 0.099,
  bothStopwords: 0.041,
  wordShareMin: 0.465,
  wordShareMax: 0.130,
  leadShare: 0.552,
  oneCapital: 0.064,
  twoCapitals: 0.638,
  number: 0.418,
  titleShare: 1.699,
  central: 0.909,
  quoted: 0.942,
  inLead: 0.053,
  shareEarly: 0.188,
  opener: 0.117,
  capsShare: 0.056,
} as const;

/** A fitted concept model: the bias and one coefficient per feature (CONCEPT_MODEL is the shipped one). */
export type ConceptModel = { readonly [K in keyof typeof CONCEPT_MODEL]: number };

/** Feature names in the column order of `ConceptFeatures.features` (every CONCEPT_MODEL key but the bias). */
export const CONCEPT_FEATURES = Object.keys(CONCEPT_MODEL).filter((k) => k !== 'bias') as readonly Exclude<keyof typeof CONCEPT_MODEL, 'bias'>[];
