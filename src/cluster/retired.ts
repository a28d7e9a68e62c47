// What a retired story and its articles keep in the engine until the next rebuild: their place in the
// arrays and indexes, not their vectors, fingerprints or explanations (never read again: candidate and
// rewrite lookups skip retired stories).
import type { Fingerprint } from '../dedupe/fingerprint.ts';
import type { ArticleState } from './engine.ts';
import type { Placement } from './explain.ts';
import { EMPTY_VECTOR, type SparseVector } from './sparse.ts';

const RETIRED_FINGERPRINT: Fingerprint = { exact: '', signature: new Uint32Array(0), phrases: new Uint32Array(0) };
const RETIRED_PLACEMENT: Placement = { decision: 'new-story', score: 0, threshold: 0, rewriteOf: null };

export function retiredArticle(state: ArticleState): ArticleState {
  return { id: state.id, story: state.story, vector: EMPTY_VECTOR, fingerprint: RETIRED_FINGERPRINT, placement: RETIRED_PLACEMENT, features: undefined };
}

export function emptyStoryVectors(story: { centroid: SparseVector; titles: SparseVector; leads: SparseVector; names: SparseVector }): void {
  story.centroid = EMPTY_VECTOR;
  story.titles = EMPTY_VECTOR;
  story.leads = EMPTY_VECTOR;
  story.names = EMPTY_VECTOR;
}
