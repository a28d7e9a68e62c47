// One pass over a story's articles that every later step shares: candidate sentences, their TF-IDF vectors,
// which articles carry which words and bigrams, and a relevance score per sentence.
import type { Article } from '../domain/article.ts';
import { contentTerms, extractCandidates, type Candidate } from './candidates.ts';
import type { ExtractiveOptions } from './defaults.ts';
import { centroidOf, cosine, unitVector, vectorFromIds, Vocabulary, type SparseVector } from './vectors.ts';

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
  const vocabulary = new Vocabulary();
  // Terms become small integers once; every count below is then an array index, not a string hash.
  const termIds = raw.map((c) => Int32Array.from(c.terms, (t) => vocabulary.id(t)));
  const titleIds = Int32Array.from(articles.flatMap((a) => contentTerms(a.title)), (t) => vocabulary.id(t));
  const idf = inverseSentenceFrequency(raw, termIds, vocabulary.size);
  const weight = (term: string): number => {
    const id = vocabulary.lookup(term);
    return id === undefined ? DEFAULT_IDF : (idf[id] ?? DEFAULT_IDF);
  };
  const vectors = termIds.map((ids) => vectorFromIds(ids, idf));
  const centroid = centroidOf(vectors.filter((_, i) => !raw[i]!.refused));
  const titles = vectorFromIds(titleIds, idf);
  const coverage = coverageScores(raw, termIds, vocabulary.size, articles.length);

  const rawScores = raw.map((c, i) => {
    const v = vectors[i]!;
    return (
      options.centroidWeight * cosine(v, centroid) +
      options.coverageWeight * coverage[i]! +
      options.positionWeight * positionPrior(c.position) +
      options.titleWeight * cosine(v, titles)
    );
  });
  let best = 1e-9;
  raw.forEach((c, i) => {
    if (!c.refused) best = Math.max(best, rawScores[i]!);
  });
  const candidates = raw.map((c, i) => ({ ...c, vector: vectors[i]!, score: c.refused ? 0 : rawScores[i]! / best }));
  const byArticle = articles.map(() => [] as ScoredCandidate[]);
  for (const c of candidates) byArticle[c.articleIndex]!.push(c);
  return { articles, candidates, byArticle, family: rewriteFamilies(articles, rewriteOf), vocabulary, weight, centroid };
}

// Weight of a term the story's sentences never use (a word only in a title or a posted summary).
const DEFAULT_IDF = 1;

// Smoothed log(1 + N/df) over accepted sentences: words every sentence of the story uses (the story's topic
// words, "NATO", "Rutte") weigh less, so similarity reflects the specific fact a sentence states.
function inverseSentenceFrequency(candidates: readonly Candidate[], termIds: readonly Int32Array[], size: number): Float64Array {
  const df = new Uint32Array(size);
  const seen = new Int32Array(size).fill(-1);
  let n = 0;
  candidates.forEach((c, i) => {
    if (c.refused) return;
    n += 1;
    for (const id of termIds[i]!) {
      if (seen[id] === i) continue;
      seen[id] = i;
      df[id] = df[id]! + 1;
    }
  });
  return Float64Array.from(df, (count) => (count === 0 ? DEFAULT_IDF : Math.log(1 + Math.max(1, n) / count)));
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
function coverageScores(candidates: readonly Candidate[], termIds: readonly Int32Array[], size: number, articleCount: number): number[] {
  if (articleCount < 2) return candidates.map(() => 0);
  // Bigram ids after the term ids, keyed by the pair of term ids.
  const bigramKey = new Map<number, number>();
  const bigramIds = termIds.map((ids) => {
    const out = new Int32Array(Math.max(0, ids.length - 1));
    for (let k = 1; k < ids.length; k += 1) {
      const key = ids[k - 1]! * 1_048_576 + ids[k]!;
      let id = bigramKey.get(key);
      if (id === undefined) bigramKey.set(key, (id = size + bigramKey.size));
      out[k - 1] = id;
    }
    return out;
  });
  const total = size + bigramKey.size;
  const articlesWith = new Uint32Array(total);
  const lastArticle = new Int32Array(total).fill(-1);
  candidates.forEach((c, i) => {
    for (const list of [termIds[i]!, bigramIds[i]!]) {
      for (const id of list) {
        if (lastArticle[id] === c.articleIndex) continue;
        lastArticle[id] = c.articleIndex;
        articlesWith[id] = articlesWith[id]! + 1;
      }
    }
  });
  const others = articleCount - 1;
  const seen = new Int32Array(total).fill(-1);
  return candidates.map((_, i) => {
    let sum = 0;
    let weight = 0;
    for (const [list, w] of [[termIds[i]!, 1], [bigramIds[i]!, 2]] as const) {
      for (const id of list) {
        if (seen[id] === i) continue;
        seen[id] = i;
        sum += (w * (articlesWith[id]! - 1)) / others;
        weight += w;
      }
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
