// What an explanation shows: the names and terms that carried a similarity, readable (surface spellings,
// not stems or name keys), heaviest contribution first.
import { NAME_PREFIX } from './lexicon.ts';
import { sharedEntries, type SparseVector } from './sparse.ts';
import type { Vocabulary } from './vocabulary.ts';

/** How one article was placed, kept for explain(). Article numbers are the engine's arrival indices. */
export interface Placement {
  readonly decision: 'new-story' | 'joined-story' | 'rewrite';
  /** Rewrite similarity, centroid similarity after time decay, or the best rejected score for a new story. */
  readonly score: number;
  readonly threshold: number;
  readonly rewriteOf: number | null;
  readonly sharedNames?: readonly string[];
  readonly sharedTerms?: readonly string[];
}

/** Shared items listed per kind: enough to see why, short enough to read. */
const SHOWN = 8;

export function explainPlacement(
  vector: SparseVector,
  against: SparseVector,
  vocabulary: Vocabulary,
): { sharedNames: readonly string[]; sharedTerms: readonly string[] } {
  const sharedNames: string[] = [];
  const sharedTerms: string[] = [];
  for (const [id] of sharedEntries(vector, against)) {
    const isName = vocabulary.term(id).startsWith(NAME_PREFIX);
    const list = isName ? sharedNames : sharedTerms;
    if (list.length < SHOWN) list.push(vocabulary.surface(id));
    if (sharedNames.length >= SHOWN && sharedTerms.length >= SHOWN) break;
  }
  return { sharedNames, sharedTerms };
}
