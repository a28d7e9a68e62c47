// The two baselines EVALUATION.md measures summaries against, run on the same sentences as the summarizer.
import type { Article } from '../../domain/article.ts';
import { articleSentences, contentTerms } from '../candidates.ts';
import { centroidOf, cosine, unitVector, Vocabulary } from '../vectors.ts';

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** Lead: the first sentence of each article in turn, then the second of each, until `words` are reached. */
export function leadBaseline(articles: readonly Article[], words: number): string {
  const sentences = articles.map((a) => articleSentences(a.text));
  const out: string[] = [];
  let total = 0;
  for (let round = 0; total < words && sentences.some((s) => s.length > round); round += 1) {
    for (const list of sentences) {
      const sentence = list[round];
      if (sentence === undefined || total >= words) continue;
      out.push(sentence);
      total += wordCount(sentence);
    }
  }
  return out.join(' ');
}

// Two sentences this similar say the same thing; the textbook centroid summarizer skips the second one.
const CENTROID_REDUNDANCY = 0.5;

/** TF-IDF centroid (Radev et al. 2004): sentences closest to the cluster centroid, skipping repeats. */
export function centroidBaseline(articles: readonly Article[], words: number): string {
  const sentences = articles.flatMap((a) => articleSentences(a.text));
  const termLists = sentences.map(contentTerms);
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocabulary = new Vocabulary();
  const weight = (t: string): number => Math.log(1 + sentences.length / (df.get(t) ?? 1));
  const vectors = termLists.map((terms) => unitVector(terms, vocabulary, weight));
  const centroid = centroidOf(vectors);
  const order = vectors.map((v, i) => ({ i, s: cosine(v, centroid) })).sort((a, b) => b.s - a.s);
  const chosen: number[] = [];
  let total = 0;
  for (const { i } of order) {
    if (total >= words) break;
    if (chosen.some((j) => cosine(vectors[i]!, vectors[j]!) >= CENTROID_REDUNDANCY)) continue;
    chosen.push(i);
    total += wordCount(sentences[i]!);
  }
  return chosen.map((i) => sentences[i]!).join(' ');
}
