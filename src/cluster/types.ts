// The story engine's port: what the rest of the bot needs from dedupe + cluster.
import type { Article } from '../domain/article.ts';
import type { Assignment, Story } from '../domain/story.ts';
import type { PlacementFeature } from './placement.ts';

export interface Explanation {
  readonly articleId: string;
  readonly storyId: string;
  /** How the article was placed: opened a new story, joined one, or rewrites an earlier article. */
  readonly decision: 'new-story' | 'joined-story' | 'rewrite';
  /** Join probability from the placement model (rewrite: the text overlap); compared with the threshold. */
  readonly score: number;
  readonly threshold: number;
  readonly rewriteOf: string | null;
  /** Estimated text overlap with the article it rewrites (0-1), when it is a rewrite. */
  readonly rewriteSimilarity: number | null;
  /** Names (people, places, organisations) and terms the article shares with its story / the other article. */
  readonly sharedNames: readonly string[];
  readonly sharedTerms: readonly string[];
  /**
   * The placement model's features for the story the article went to (or the best candidate it turned down),
   * each with its share of the logit: weight x value. Empty when no story was a candidate.
   */
  readonly features: readonly { feature: PlacementFeature; value: number; contribution: number }[];
  /** Similarity to a second article, when one was asked about. */
  readonly pairSimilarity: number | null;
}

export interface StoryEngine {
  /** Place one article, once, as it arrives. Deterministic: the same articles in the same order give the same ids. */
  add(article: Article): Assignment;
  assignment(articleId: string): Assignment | undefined;
  story(storyId: string): Story | undefined;
  stories(): Story[];
  explain(articleId: string, otherArticleId?: string): Explanation | undefined;
}
