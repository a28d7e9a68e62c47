// The default summarizer: extractive multi-document summarization with citations.
// Sentences are chosen by how much of the story's likely summary content (word-pair concepts valued by how
// many outlets use them, how early, and whether a title does: concept-values.ts) they cover per word, under
// the budget (coverage-select.ts), cited to every article that carries them (citations.ts) and put back in
// reading order. The per-sentence scores of story-model.ts serve the what's-new path (updates.ts).
import type { Article } from '../domain/article.ts';
import type { StorySummary, SummarySentence } from '../domain/story.ts';
import { citingArticles } from './citations.ts';
import { buildConceptValues } from './concept-values.ts';
import { selectByCoverage } from './coverage-select.ts';
import { resolveOptions, type ExtractiveOptions } from './defaults.ts';
import { chooseHeadline } from './headline.ts';
import { buildStoryModel, type ScoredCandidate, type StoryModel } from './story-model.ts';
import type { StoryInput, Summarizer, SummaryBudget } from './types.ts';

/** Summarize one story synchronously: the pure function behind the Summarizer port. */
export function summarizeStory(
  story: Pick<StoryInput, 'articles'> & Partial<Pick<StoryInput, 'rewriteOf'>>,
  budget: SummaryBudget,
  options: ExtractiveOptions = resolveOptions(),
): StorySummary {
  const model = buildStoryModel(story.articles, options, story.rewriteOf);
  const concepts = buildConceptValues(model.candidates, story.articles, model.byArticle.map((a) => a.length));
  const indexOf = new Map(model.candidates.map((c, i) => [c.key, i]));
  const chosen = selectByCoverage(model.candidates, indexOf, concepts, budget, options);
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
  const cited = chosen.map((c) => ({ c, sources: citingArticles(model, c.vector, c.articleIndex, options) }));
  return readingOrder(cited, model.articles).map(({ c, sources }) => ({ text: c.text, sources }));
}

/**
 * Chronological, then logical order: a fact comes at the time the earliest article carrying it reported it
 * (articles ordered by publication time when every one has it, else by arrival), and sentences from one
 * article keep that article's order, so a sentence that depends on the previous one always follows it.
 */
export function readingOrder<T extends { readonly c: ScoredCandidate; readonly sources: readonly string[] }>(
  cited: readonly T[],
  articles: readonly Article[],
): T[] {
  const dated = articles.every((a) => a.published !== null && !Number.isNaN(Date.parse(a.published)));
  const rankOf = new Map(articles.map((a, i) => [a.id, dated ? Date.parse(a.published!) : i]));
  const key = (x: T): number => Math.min(rankOf.get(articles[x.c.articleIndex]!.id)!, ...x.sources.map((id) => rankOf.get(id) ?? Infinity));
  return [...cited].sort(
    (a, b) => key(a) - key(b) || a.c.position - b.c.position || a.c.articleIndex - b.c.articleIndex,
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
