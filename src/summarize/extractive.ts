// The default summarizer: extractive multi-document summarization with citations.
// Sentences are chosen by how much of the story's likely summary content (word-pair concepts valued by how
// many outlets use them, how early, and whether a title does, plus content words valued by how many outlets
// use them: concept-values.ts) they cover per word, under
// the budget (coverage-select.ts), cited to every article that carries them (citations.ts) and put back in
// reading order. The per-sentence scores of story-model.ts serve the what's-new path (updates.ts).
import type { Article } from '../domain/article.ts';
import type { StorySummary, SummarySentence } from '../domain/story.ts';
import { boilerplateReason, ELLIPSIS_END, isCutOff } from './boilerplate.ts';
import { citingArticles } from './citations.ts';
import { buildConceptValues, withWords, type ConceptValues } from './concept-values.ts';
import { selectByCoverage } from './coverage-select.ts';
import { resolveOptions, type ExtractiveOptions } from './defaults.ts';
import { chooseHeadline } from './headline.ts';
import { buildStoryModel, textVector, type ScoredCandidate, type StoryModel } from './story-model.ts';
import { trimmedCandidate, trimmedVariants } from './trim.ts';
import type { StoryInput, Summarizer, SummaryBudget } from './types.ts';

/** Summarize one story synchronously: the pure function behind the Summarizer port. */
export function summarizeStory(
  story: Pick<StoryInput, 'articles'> & Partial<Pick<StoryInput, 'rewriteOf'>>,
  budget: SummaryBudget,
  options: ExtractiveOptions = resolveOptions(),
): StorySummary {
  const model = buildStoryModel(story.articles, options, story.rewriteOf);
  const concepts = buildConceptValues(model.candidates, story.articles, model.byArticle.map((a) => a.length), options.wordConceptWeight, options.conceptModel);
  const pool = withTrimmedVariants(model, concepts, options);
  const indexOf = new Map(pool.candidates.map((c, i) => [c.key, i]));
  const chosen = selectByCoverage(pool.candidates, indexOf, pool.concepts, budget, options);
  if (chosen.length === 0) chosen.push(...cutOffFallback(model, concepts, budget, options));
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

/**
 * The story's candidates plus the trimmed variants of each usable one (trim.ts), with the variants' concepts:
 * the concepts of the sentence's first pairs, which the trimmed text keeps.
 */
function withTrimmedVariants(
  model: StoryModel,
  concepts: ConceptValues,
  options: ExtractiveOptions,
): { readonly candidates: readonly ScoredCandidate[]; readonly concepts: ConceptValues } {
  if (options.minTrimmedWords <= 0) return { candidates: model.candidates, concepts };
  const candidates: ScoredCandidate[] = [...model.candidates];
  const conceptsOf: Int32Array[] = [...concepts.conceptsOf];
  const pairsAt: Int32Array[] = [...concepts.pairsAt];
  const wordsAt: Int32Array[] = [...concepts.wordsAt];
  // Scratch for withWords: one slot per concept id, stamped per variant.
  const mark = new Int32Array(concepts.values.length).fill(-1);
  let stamp = 0;
  const agreement: number[] = [...concepts.agreement];
  // Only the densest sentences are worth a trimmed form (a trimmed sentence is never denser than twice its
  // whole); bounding them keeps a 50-article story's pool, and its selection time, near its untrimmed size.
  const density = (i: number): number => {
    let v = 0;
    for (const id of concepts.conceptsOf[i]!) v += concepts.values[id]!;
    return v / (model.candidates[i]!.tokens.length + 1);
  };
  // A sentence refused only for being cut off (an excerpt that stops mid-sentence, as feeds and AllSides-style
  // story pages truncate them) may still hold a whole main clause before a modifier comma: trimming keeps it.
  const usable = model.candidates.flatMap((c, i) =>
    (c.refused && !isCutOff(c.text)) || c.wordCount <= options.minTrimmedWords ? [] : [i],
  );
  const densest = usable.length <= options.maxTrimmedSentences
    ? usable
    : usable.map((i) => ({ i, d: density(i) })).sort((a, b) => b.d - a.d).slice(0, options.maxTrimmedSentences).map((x) => x.i);
  for (const i of densest) {
    const c = model.candidates[i]!;
    for (const variant of trimmedVariants(c, options)) {
      const trimmed = trimmedCandidate(c, variant);
      candidates.push({ ...trimmed, vector: textVector(model, trimmed.text), score: c.score });
      const at = concepts.pairsAt[i]!.subarray(0, Math.max(0, variant.tokenCount - 1));
      const words = concepts.wordsAt[i]!.subarray(0, variant.tokenCount);
      conceptsOf.push(withWords(Int32Array.from(new Set(at)), words, mark, (stamp += 1)));
      pairsAt.push(at);
      wordsAt.push(words);
      agreement.push((concepts.agreement[i]! * variant.tokenCount) / Math.max(1, c.tokens.length));
    }
  }
  return { candidates, concepts: { conceptsOf, pairsAt, wordsAt, values: concepts.values, agreement: Float64Array.from(agreement) } };
}

/**
 * Last resort for a story whose every sentence was refused: its best sentence that was refused only for being
 * cut off (a feed or story page that truncates its excerpts), shown with an ellipsis so the reader sees it is
 * cut. An empty summary tells the reader nothing; this tells them what the excerpts say.
 */
function cutOffFallback(
  model: StoryModel,
  concepts: ConceptValues,
  budget: SummaryBudget,
  options: ExtractiveOptions,
): ScoredCandidate[] {
  let best: ScoredCandidate | undefined;
  let bestDensity = -Infinity;
  model.candidates.forEach((c, i) => {
    if (!c.refused || c.dependent || c.wordCount > budget.maxWords || !isCutOff(c.text)) return;
    const stem = c.text.replace(ELLIPSIS_END, '').replace(/[\s,;:-]+$/, '');
    // Refused for nothing but the missing end: the same text with a full stop must pass every other check.
    if (boilerplateReason(`${stem}.`, options) !== null) return;
    let value = 0;
    for (const id of concepts.conceptsOf[i]!) value += concepts.values[id]!;
    const density = value / (c.tokens.length + options.referenceShare * budget.maxWords);
    if (density > bestDensity) {
      bestDensity = density;
      best = { ...c, refused: false, text: `${stem}...` };
    }
  });
  return best === undefined ? [] : [best];
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
