// The summarizer port: one story's articles in, a headline and cited sentences out.
import type { Article } from '../domain/article.ts';
import type { StorySummary } from '../domain/story.ts';

export interface SummaryBudget {
  readonly minSentences: number;
  readonly maxSentences: number;
  /** Hard cap on summary words; sentences are never cut in the middle. */
  readonly maxWords: number;
}

export interface StoryInput {
  readonly id: string;
  /** The story's articles in arrival order, rewrites included. */
  readonly articles: readonly Article[];
  /** articleId -> id of the article it rewrites, for rewrites only. */
  readonly rewriteOf: ReadonlyMap<string, string>;
}

export interface Summarizer {
  summarize(story: StoryInput, budget: SummaryBudget): Promise<StorySummary>;
}
