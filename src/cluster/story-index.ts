// Candidate stories from an inverted index over each story's distinctive terms (Miranda et al. 2018 retrieve
// candidate clusters the same way instead of comparing with every cluster). Posting lists keep only the most
// recent stories, so the cost of a lookup is bounded whatever the size of the stream.
import { rankingScratch, topPositions, type SparseVector } from './sparse.ts';

export interface StoryIndex {
  /** File story `story` under the `count` heaviest terms of `vector`. */
  add(story: number, vector: SparseVector, count: number): void;
  /** Up to `limit` stories sharing heavy terms with `vector`, best overlap first. */
  candidates(vector: SparseVector, queryTerms: number, limit: number): number[];
}

export function createStoryIndex(postingCap: number): StoryIndex {
  const postings: (number[] | undefined)[] = [];
  let overlap: Float64Array = new Float64Array(1024);
  let listed: Uint8Array = new Uint8Array(1024);
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
      // Overlap by story number in a reused dense array (stories are numbered 0, 1, 2, ...), not a Map.
      const found: number[] = [];
      for (const position of heaviest(vector, queryTerms)) {
        const list = postings[vector.ids[position]!];
        if (list === undefined) continue;
        const weight = vector.weights[position]!;
        for (const story of list) {
          if (story >= overlap.length) {
            overlap = grown(overlap, story + 1);
            const marks = new Uint8Array(overlap.length);
            marks.set(listed);
            listed = marks;
          }
          if (listed[story] === 0) {
            listed[story] = 1;
            found.push(story);
          }
          overlap[story]! += weight;
        }
      }
      const scores = found.map((story) => overlap[story]!);
      const order = found.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || found[b]! - found[a]!);
      for (const story of found) {
        overlap[story] = 0;
        listed[story] = 0;
      }
      return order.slice(0, limit).map((k) => found[k]!);
    },
  };
}

function grown(array: Float64Array, size: number): Float64Array {
  // Doubling keeps growth amortized; stories only ever get larger numbers.
  const out = new Float64Array(Math.max(array.length * 2, size));
  out.set(array);
  return out;
}

/** Positions of the `count` largest weights (ties to the earlier position, for determinism); see topPositions. */
function heaviest(vector: SparseVector, count: number): Int32Array {
  const weights = rankingScratch(vector.weights.length);
  weights.set(vector.weights);
  return topPositions(weights, count);
}
