// What the digest step asks after a first post: what is new in a story since then, and what only one
// outlet reports. Both take and return plain data, so the digest can store what it posted and call again.
//
//   whatsNew(posted, story, budget?, options?) -> StoryUpdate | null
//     posted: what was already posted for the story in a channel (its sentences, and the article ids the
//     story had then). Returns an update made only of sentences that say something neither posted nor
//     already carried by the articles known at posting time, from the articles added since; null when
//     nothing is new (no new article, or new articles that only repeat known facts).
//
//   onlyHere(story, options?, alreadySaid?) -> OnlyHere[]
//     The story's most relevant sentences that a single outlet carries (a quote or a detail no other
//     outlet has), at most `onlyHereLimit`, best first: for "Only <source> reports ...". Empty for a story
//     with one outlet (articles' `source`), where every sentence is trivially "only here". A sentence that one of `alreadySaid`
//     (the summary shown above it) would cite is left out: the reader has just read it.
import type { SummarySentence } from '../domain/story.ts';
import { citingArticles } from './citations.ts';
import { buildConcepts } from './concepts.ts';
import { resolveOptions, type ExtractiveOptions } from './defaults.ts';
import { citeAndOrder } from './extractive.ts';
import { selectMmr } from './mmr.ts';
import { buildStoryModel, textVector, type StoryModel } from './story-model.ts';
import type { StoryInput, SummaryBudget } from './types.ts';
import { cosine } from './vectors.ts';

export interface PostedState {
  /** Sentences already posted for the story in this channel (summary and earlier updates). */
  readonly sentences: readonly Pick<SummarySentence, 'text'>[];
  /** Ids of the story's articles at the time of the last post. */
  readonly articleIds: readonly string[];
}

export interface StoryUpdate {
  /** Articles added since the last post, in story order ("+2 sources"). */
  readonly newArticleIds: readonly string[];
  /** Only new information, cited like a summary. */
  readonly sentences: readonly SummarySentence[];
}

export interface OnlyHere {
  readonly articleId: string;
  readonly sentence: string;
}

// An update is a short addendum, not a second summary.
const UPDATE_BUDGET: SummaryBudget = { minSentences: 1, maxSentences: 2, maxWords: 70 };

export function whatsNew(
  posted: PostedState,
  story: Pick<StoryInput, 'articles'> & Partial<Pick<StoryInput, 'rewriteOf'>>,
  budget: SummaryBudget = UPDATE_BUDGET,
  options: ExtractiveOptions = resolveOptions(),
): StoryUpdate | null {
  const known = new Set(posted.articleIds);
  const fresh = story.articles.filter((a) => !known.has(a.id));
  if (fresh.length === 0) return null;
  const model = buildStoryModel(story.articles, options, story.rewriteOf);
  const freshIndexes = new Set(fresh.map((a) => story.articles.indexOf(a)));
  // Everything the channel has seen or could have seen: posted text and every sentence of the old articles.
  const knownVectors = [
    ...posted.sentences.map((s) => textVector(model, s.text)),
    ...story.articles.filter((a) => known.has(a.id)).map((a) => textVector(model, a.title)),
    ...model.candidates.filter((c) => !freshIndexes.has(c.articleIndex)).map((c) => c.vector),
  ];
  // A declared rewrite (StoryInput.rewriteOf, from the near-duplicate index) is the same report reworded, often
  // past what word overlap can see ("demanded a seat within NATO" / "sought NATO membership"): once any article
  // of its family was known, nothing in it is news. No similarity threshold decides this, so none was tuned.
  const knownFamilies = new Set(story.articles.flatMap((a, i) => (known.has(a.id) ? [model.family[i]] : [])));
  // Old news: a sentence that a known text would be cited for (the summary's own test of "says the same fact").
  const isKnown = (c: StoryModel['candidates'][number]): boolean =>
    knownFamilies.has(model.family[c.articleIndex]) || knownVectors.some((v) => cosine(c.vector, v) >= options.citationSimilarity);
  const pool = model.candidates.filter((c) => freshIndexes.has(c.articleIndex) && !isKnown(c));
  if (pool.every((c) => c.refused)) return null;
  const concepts = buildConcepts(model.candidates, story.articles.length);
  const chosen = selectMmr(pool, budget, options, knownVectors, concepts);
  if (chosen.length === 0) return null;
  return { newArticleIds: fresh.map((a) => a.id), sentences: citeAndOrder(model, chosen, options) };
}

export function onlyHere(
  story: Pick<StoryInput, 'articles'> & Partial<Pick<StoryInput, 'rewriteOf'>>,
  options: ExtractiveOptions = resolveOptions(),
  alreadySaid: readonly string[] = [],
): OnlyHere[] {
  // "Only X reports" compares outlets: with one outlet (or one article) every sentence is trivially "only X".
  if (new Set(story.articles.map(outletOf)).size < 2) return [];
  const model = buildStoryModel(story.articles, options, story.rewriteOf);
  const said = alreadySaid.map((text) => textVector(model, text));
  return singleSource(model, options)
    // As close as the summary's citations go: a sentence that near, the summary credits to its article.
    .filter((c) => !said.some((v) => cosine(v, c.vector) >= options.citationSimilarity))
    .slice(0, options.onlyHereLimit)
    .map((c) => ({ articleId: model.articles[c.articleIndex]!.id, sentence: c.text }));
}

/** An article's outlet as written in its source; case and spacing do not make two outlets. */
function outletOf(article: Pick<StoryInput['articles'][number], 'source'>): string {
  return article.source.trim().replace(/\s+/g, ' ').toLowerCase();
}

function singleSource(model: StoryModel, options: ExtractiveOptions): StoryModel['candidates'][number][] {
  const outletOfId = new Map(model.articles.map((a) => [a.id, outletOf(a)]));
  const out = model.candidates
    .filter((c) => !c.refused && !c.dependent)
    // Carried by no other outlet, at the loose citation threshold: not even a paraphrase elsewhere (another
    // article of the same outlet may carry it: the outlet still is the only one reporting it).
    .filter((c) => new Set(citingArticles(model, c.vector, c.articleIndex, options).map((id) => outletOfId.get(id))).size === 1)
    .sort((a, b) => b.score - a.score);
  // One entry per fact: within an article, drop a sentence that repeats a better one (a block printed twice).
  const kept: typeof out = [];
  for (const c of out) if (!kept.some((k) => cosine(k.vector, c.vector) >= options.paraphraseSimilarity)) kept.push(c);
  return kept;
}
