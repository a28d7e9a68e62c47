// One pass over a story's articles that every later step shares: candidate sentences, their TF-IDF vectors,
// which articles carry which words and bigrams, and a relevance score per sentence.
import type { Article } from '../domain/article.ts';
import { contentTerms, extractCandidates, type Candidate } from './candidates.ts';
import type { ExtractiveOptions } from './defaults.ts';
import { centroidOf, cosine, unitVector, Vocabulary, type SparseVector } from './vectors.ts';

export interface ScoredCandidate extends Candidate {
  readonly vector: SparseVector;
  /** Relevance in [0, 1], 1 for the best sentence of the story. */
  readonly score: number;
}

export interface StoryModel {
  readonly articles: readonly Article[];
  readonly candidates: readonly ScoredCandidate[];
  /** Candidates of each article (by article index), refused ones included. */
  readonly byArticle: readonly (readonly ScoredCandidate[])[];
  readonly vocabulary: Vocabulary;
  /** Per article index, the index of the original it (transitively) rewrites, or itself. */
  readonly family: readonly number[];
  /** IDF weight of a term in this story. */
  readonly weight: (term: string) => number;
  readonly centroid: SparseVector;
}

export function buildStoryModel(
  articles: readonly Article[],
  options: ExtractiveOptions,
  rewriteOf: ReadonlyMap<string, string> = new Map(),
): StoryModel {
  const raw = extractCandidates(articles, options);
  const accepted = raw.filter((c) => !c.refused);
  const vocabulary = new Vocabulary();
  const idf = inverseSentenceFrequency(accepted);
  const weight = (term: string): number => idf.get(term) ?? 1;
  const vectors = raw.map((c) => unitVector(c.terms, vocabulary, weight));
  const centroid = centroidOf(vectors.filter((_, i) => !raw[i]!.refused));
  const titles = unitVector(articles.flatMap((a) => contentTerms(a.title)), vocabulary, weight);
  const coverage = coverageScores(raw, articles.length);

  const rawScores = raw.map((c, i) => {
    const v = vectors[i]!;
    return (
      options.centroidWeight * cosine(v, centroid) +
      options.coverageWeight * coverage[i]! +
      options.positionWeight * positionPrior(c.position) +
      options.titleWeight * cosine(v, titles)
    );
  });
  const best = Math.max(1e-9, ...rawScores.filter((_, i) => !raw[i]!.refused));
  const candidates = raw.map((c, i) => ({ ...c, vector: vectors[i]!, score: c.refused ? 0 : rawScores[i]! / best }));
  const byArticle = articles.map(() => [] as ScoredCandidate[]);
  for (const c of candidates) byArticle[c.articleIndex]!.push(c);
  return { articles, candidates, byArticle, family: rewriteFamilies(articles, rewriteOf), vocabulary, weight, centroid };
}

// Smoothed log(1 + N/df) over sentences: words every sentence of the story uses (the story's topic words,
// "NATO", "Rutte") weigh less, so similarity reflects the specific fact a sentence states.
function inverseSentenceFrequency(candidates: readonly Candidate[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, candidates.length);
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log(1 + n / count));
  return idf;
}

// News puts its main facts first (the lead); the prior halves by the third sentence and flattens after.
function positionPrior(position: number): number {
  return 1 / (1 + position / 2);
}

/**
 * Coverage: how many of the story's other articles carry the sentence's words and word pairs. A fact that
 * several outlets report is the story; one only this article has is colour. Bigrams count double because a
 * shared pair ("peace deal", "security guarantees") is stronger evidence of a shared fact than a shared word.
 */
function coverageScores(candidates: readonly Candidate[], articleCount: number): number[] {
  if (articleCount < 2) return candidates.map(() => 0);
  const termArticles = new Map<string, Set<number>>();
  const note = (key: string, article: number): void => {
    let set = termArticles.get(key);
    if (set === undefined) termArticles.set(key, (set = new Set()));
    set.add(article);
  };
  for (const c of candidates) {
    for (const t of c.terms) note(t, c.articleIndex);
    for (const b of c.bigrams) note(`#${b}`, c.articleIndex);
  }
  const others = articleCount - 1;
  return candidates.map((c) => {
    let sum = 0;
    let weight = 0;
    for (const t of new Set(c.terms)) {
      sum += ((termArticles.get(t)?.size ?? 1) - 1) / others;
      weight += 1;
    }
    for (const b of new Set(c.bigrams)) {
      sum += (2 * ((termArticles.get(`#${b}`)?.size ?? 1) - 1)) / others;
      weight += 2;
    }
    return weight === 0 ? 0 : sum / weight;
  });
}

/** Any text (a posted sentence, a title) as a vector in the story's space, comparable with its sentences. */
export function textVector(model: StoryModel, text: string): SparseVector {
  return unitVector(contentTerms(text), model.vocabulary, model.weight);
}

function rewriteFamilies(articles: readonly Article[], rewriteOf: ReadonlyMap<string, string>): number[] {
  const index = new Map(articles.map((a, i) => [a.id, i]));
  return articles.map((a, i) => {
    let current = i;
    let id = a.id;
    // Bounded walk: a malformed map with a cycle must not hang the summarizer.
    for (let hops = 0; hops < articles.length; hops += 1) {
      const parent = rewriteOf.get(id);
      const parentIndex = parent === undefined ? undefined : index.get(parent);
      if (parent === undefined || parentIndex === undefined) break;
      current = parentIndex;
      id = parent;
    }
    return current;
  });
}
