// Citations: which of the story's articles carry a sentence (the sentence itself or a near-paraphrase), so
// the chat message can link [1][2] to every outlet that reports it.
import type { StoryModel } from './story-model.ts';
import type { SparseVector } from './vectors.ts';
import { cosine } from './vectors.ts';

/**
 * Ids of the articles that carry `vector`, in story order. `ownArticleIndex` is the article the sentence was
 * taken from (always cited); pass -1 for text that came from elsewhere (an LLM answer, a posted summary).
 * Refused sentences count too: a rewrite that carries the fact inside a longer or messier line still reports it.
 */
export function citingArticles(
  model: StoryModel,
  vector: SparseVector,
  ownArticleIndex: number,
  thresholds: { readonly citationSimilarity: number; readonly rewriteCitationSimilarity: number },
): string[] {
  const out: string[] = [];
  const ownFamily = model.family[ownArticleIndex];
  model.byArticle.forEach((sentences, index) => {
    const threshold =
      ownFamily !== undefined && model.family[index] === ownFamily
        ? thresholds.rewriteCitationSimilarity
        : thresholds.citationSimilarity;
    if (index === ownArticleIndex || sentences.some((s) => cosine(s.vector, vector) >= threshold)) {
      const id = model.articles[index]!.id;
      if (!out.includes(id)) out.push(id);
    }
  });
  return out;
}

/** Best similarity between `vector` and any sentence of one article. */
export function bestMatch(model: StoryModel, vector: SparseVector, articleIndex: number): number {
  let best = 0;
  for (const s of model.byArticle[articleIndex] ?? []) best = Math.max(best, cosine(s.vector, vector));
  return best;
}
