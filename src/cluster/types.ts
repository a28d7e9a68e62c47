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
  /**
   * Re-enters a stored article where it was placed before (after a restart, or when the engine is rebuilt
   * without retired stories): its story and rewrite come from `assignment`, no candidate is searched.
   */
  restore(article: Article, assignment: Assignment): Assignment;
  /**
   * Takes stories out of play: they are never a candidate again, and story(), stories() and assignment()
   * no longer know them or their articles. Returns how many articles that retired. Their memory is given
   * back when the owner rebuilds the engine (see memory()).
   */
  retire(storyIds: Iterable<string>): number;
  /** Articles in play, and articles of retired stories still held until a rebuild. */
  memory(): { articles: number; retiredArticles: number };
}
