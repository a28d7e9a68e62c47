// Stories, the relations that build them, and their summaries.

/** Where the story engine put one article. */
export interface Assignment {
  readonly articleId: string;
  readonly storyId: string;
  /** The earlier article this one republishes or paraphrases, or null when it is original. */
  readonly rewriteOf: string | null;
  /** Similarity that decided the assignment (rewrite or story), 0 for an article that opened a story. */
  readonly score: number;
  /**
   * The placement model's features for the story it joined (or the best one it turned down), kept with the
   * stored article so that `explain` still shows them after a restart. Absent when no story was a candidate.
   */
  readonly features?: readonly number[];
}

export interface Story {
  readonly id: string;
  /** Article ids in arrival order; rewrites included. */
  readonly articleIds: readonly string[];
}

export interface SummarySentence {
  readonly text: string;
  /** Ids of the articles that carry this sentence or a near-paraphrase of it. */
  readonly sources: readonly string[];
}

export interface StorySummary {
  readonly headline: string;
  readonly sentences: readonly SummarySentence[];
}
