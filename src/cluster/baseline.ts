// The textbook single-pass TF-IDF clusterer, kept only as the benchmark's baseline (EVALUATION.md "anchors"):
// one vector per article over title + text, cosine to every cluster centroid, join the best above one
// global threshold or open a new cluster. No names, no lead, no time, no rewrite relation.
import { terms } from '../text/tokens.ts';

export interface BaselineClusterer {
  /** Cluster number for the next article. */
  add(title: string, text: string): number;
}

export function createBaselineClusterer(threshold: number): BaselineClusterer {
  const df = new Map<string, number>();
  let documents = 0;
  const centroids: Map<string, number>[] = [];
  const norms2: number[] = [];
  // Exact cosine to *every* centroid, computed through an inverted index so it finishes on 8k articles.
  const postings = new Map<string, Set<number>>();
  return {
    add(title, text) {
      const counts = new Map<string, number>();
      for (const term of terms(`${title}\n${text}`)) counts.set(term, (counts.get(term) ?? 0) + 1);
      documents += 1;
      for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
      const vector = new Map<string, number>();
      let norm2 = 0;
      for (const [term, count] of counts) {
        const weight = count * Math.log((documents + 1) / df.get(term)!);
        vector.set(term, weight);
        norm2 += weight * weight;
      }
      const norm = Math.sqrt(norm2) || 1;
      for (const [term, weight] of vector) vector.set(term, weight / norm);
      const dots = new Map<number, number>();
      for (const [term, weight] of vector) {
        for (const cluster of postings.get(term) ?? []) {
          dots.set(cluster, (dots.get(cluster) ?? 0) + weight * centroids[cluster]!.get(term)!);
        }
      }
      let best = -1;
      let bestScore = threshold;
      for (const [cluster, dotValue] of dots) {
        const score = dotValue / Math.sqrt(norms2[cluster]!);
        if (score >= bestScore && (score > bestScore || cluster < best || best < 0)) {
          best = cluster;
          bestScore = score;
        }
      }
      if (best < 0) {
        best = centroids.length;
        centroids.push(new Map());
        norms2.push(0);
      }
      const centroid = centroids[best]!;
      norms2[best] = norms2[best]! + 2 * (dots.get(best) ?? 0) + 1;
      for (const [term, weight] of vector) {
        centroid.set(term, (centroid.get(term) ?? 0) + weight);
        let set = postings.get(term);
        if (set === undefined) postings.set(term, (set = new Set()));
        set.add(best);
      }
      return best;
    },
  };
}
