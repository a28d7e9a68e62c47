// The default summarizer: extractive multi-document summarization with citations.
// Sentences are scored by centrality (cosine to the story's TF-IDF centroid), coverage across outlets,
// position and title overlap (story-model.ts), chosen with MMR (mmr.ts), cited to every article that carries
// them (citations.ts) and put back in reading order.
import type { Article } from '../domain/article.ts';
import type { StorySummary, SummarySentence } from '../domain/story.ts';
import { citingArticles } from './citations.ts';
import { resolveOptions, type ExtractiveOptions } from './defaults.ts';
import { chooseHeadline } from './headline.ts';
import { selectMmr } from './mmr.ts';
import { buildStoryModel, type ScoredCandidate, type StoryModel } from './story-model.ts';
import type { StoryInput, Summarizer, SummaryBudget } from './types.ts';

/** Summarize one story synchronously: the pure function behind the Summarizer port. */
export function summarizeStory(
  story: Pick<StoryInput, 'articles'> & Partial<Pick<StoryInput, 'rewriteOf'>>,
  budget: SummaryBudget,
  options: ExtractiveOptions = resolveOptions(),
): StorySummary {
  const model = buildStoryModel(story.articles, options, story.rewriteOf);
  const chosen = selectMmr(model.candidates, budget, options);
  const sentences = citeAndOrder(model, chosen, options);
  // The first pick is the story's most relevant sentence: the headline to fall back on without a title.
  const headline = chooseHeadline(model, story.articles, (chosen[0] ?? bestSentence(model))?.text);
  return { headline, sentences };
}

/** Citations for chosen sentences, then reading order (see `readingOrder`). */
export function citeAndOrder(
  model: StoryModel,
  chosen: readonly ScoredCandidate[],
  options: Pick<ExtractiveOptions, 'citationSimilarity' | 'rewriteCitationSimilarity'>,
): SummarySentence[] {
  return readingOrder(chosen, model.articles).map((c) => ({
    text: c.text,
    sources: citingArticles(model, c.vector, c.articleIndex, options),
  }));
}

/**
 * Chronological, then logical order: sentences of earlier articles (by publication time when every article
 * has one, else by arrival) come first, and within an article they keep the article's own order, so a
 * sentence that depends on the previous one always follows it.
 */
export function readingOrder(chosen: readonly ScoredCandidate[], articles: readonly Article[]): ScoredCandidate[] {
  const dated = articles.every((a) => a.published !== null && !Number.isNaN(Date.parse(a.published)));
  const rank = articles.map((a, i) => (dated ? Date.parse(a.published!) : i));
  return [...chosen].sort(
    (a, b) => rank[a.articleIndex]! - rank[b.articleIndex]! || a.articleIndex - b.articleIndex || a.position - b.position,
  );
}

function bestSentence(model: StoryModel): ScoredCandidate | undefined {
  let best: ScoredCandidate | undefined;
  for (const c of model.candidates) if (!c.refused && !c.dependent && (best === undefined || c.score > best.score)) best = c;
  return best;
}

/** The extractive Summarizer with the given options over EXTRACTIVE_DEFAULTS. */
export function createExtractiveSummarizer(options: Partial<ExtractiveOptions> = {}): Summarizer {
  const resolved = resolveOptions(options);
  return {
    summarize(story: StoryInput, budget: SummaryBudget): Promise<StorySummary> {
      return Promise.resolve(summarizeStory(story, budget, resolved));
    },
  };
}
