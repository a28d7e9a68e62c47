// Every tunable of the story engine, in one typed constant (ARCHITECTURE.md rule 8). One configuration for
// all data sets: values were chosen on the development sets named in EVALUATION.md, not per set.

export interface StoryEngineOptions {
  /** Extra term frequency for a term in the title (Miranda et al. 2018 score title and body separately). */
  readonly titleWeight: number;
  /** Weight of log(count) in a term's body frequency, 1 + bodyLog * ln(count): repeats say little more. */
  readonly bodyLog: number;
  /** Extra term frequency for a term in the lead: the first words say what the event is. */
  readonly leadWeight: number;
  /** Body words that count as the lead. */
  readonly leadWords: number;
  /** Multiplier on name features (people, places, organisations), which identify events best. */
  readonly nameWeight: number;
  /** Terms kept per article vector (highest TF-IDF): bounds memory and similarity cost. */
  readonly maxArticleTerms: number;
  /** Terms kept per story centroid. */
  readonly maxCentroidTerms: number;
  /** Estimated content-bigram Jaccard above which the later article is a rewrite (paraphrase). */
  readonly rewritePhrases: number;
  /** Estimated shingle Jaccard above which the later article is a rewrite whatever its term cosine. */
  readonly rewriteJaccard: number;
  /** Pseudo-documents added to N in IDF so the first articles of a stream are weighed sensibly. */
  readonly idfPrior: number;
  /**
   * Pseudo-documents whose terms follow the background corpus's document frequencies (background.ts): about
   * how many articles of the stream it takes before its own counts outweigh the background.
   */
  readonly backgroundDocuments: number;
  /** Highest-weighted terms of an article used to look up candidate stories in the inverted index. */
  readonly queryTerms: number;
  /** Highest-weighted terms of each article added to the inverted index under its story. */
  readonly indexTerms: number;
  /** Most recent stories kept per index term: caps the cost of frequent terms, keeping lookup flat. */
  readonly postingCap: number;
  /** Candidate stories scored in full per article. */
  readonly maxCandidates: number;
  /** Of those, the ones closest by body cosine that the placement model scores (all features computed). */
  readonly featureCandidates: number;
  /** Recent members per candidate story checked for the rewrite relation. */
  readonly rewriteMembers: number;
}

export const STORY_ENGINE_DEFAULTS = {
  titleWeight: 2,
  bodyLog: 1,
  leadWeight: 1,
  leadWords: 60,
  nameWeight: 0.5,
  maxArticleTerms: 120,
  maxCentroidTerms: 300,
  rewritePhrases: 0.25,
  rewriteJaccard: 0.5,
  idfPrior: 10,
  backgroundDocuments: 1000,
  queryTerms: 16,
  indexTerms: 12,
  postingCap: 64,
  maxCandidates: 24,
  featureCandidates: 6,
  rewriteMembers: 8,
} as const satisfies StoryEngineOptions;
