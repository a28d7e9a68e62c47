// Candidate stories from an inverted index over each story's distinctive terms (Miranda et al. 2018 retrieve
// candidate clusters the same way instead of comparing with every cluster). Posting lists keep only the most
// recent stories, so the cost of a lookup is bounded whatever the size of the stream.
import { topPositions, type SparseVector } from './sparse.ts';

export interface StoryIndex {
  /** File story `story` under the `count` heaviest terms of `vector`. */
  add(story: number, vector: SparseVector, count: number): void;
  /** Up to `limit` stories sharing heavy terms with `vector`, best overlap first. */
  candidates(vector: SparseVector, queryTerms: number, limit: number): number[];
}

export function createStoryIndex(postingCap: number): StoryIndex {
  const postings: (number[] | undefined)[] = [];
  return {
    add(story, vector, count) {
      for (const position of heaviest(vector, count)) {
        const id = vector.ids[position]!;
        let list = postings[id];
        if (list === undefined) {
          list = [];
          postings[id] = list;
        }
        const existing = list.lastIndexOf(story);
        if (existing === list.length - 1 && existing >= 0) continue;
        if (existing >= 0) list.splice(existing, 1);
        list.push(story);
        if (list.length > postingCap) list.shift();
      }
    },
    candidates(vector, queryTerms, limit) {
      const overlap = new Map<number, number>();
      for (const position of heaviest(vector, queryTerms)) {
        const list = postings[vector.ids[position]!];
        if (list === undefined) continue;
        const weight = vector.weights[position]!;
        for (const story of list) overlap.set(story, (overlap.get(story) ?? 0) + weight);
      }
      return [...overlap.entries()]
        .sort((a, b) => b[1] - a[1] || b[0] - a[0])
        .slice(0, limit)
        .map(([story]) => story);
    },
  };
}

/** Positions of the `count` largest weights (ties to the earlier position, for determinism). */
function heaviest(vector: SparseVector, count: number): Int32Array {
  return topPositions(Float64Array.from(vector.weights), count);
}
