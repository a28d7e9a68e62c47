// What an explanation shows: the names and terms that carried a similarity, readable (surface spellings,
// not stems or name keys), heaviest contribution first.
import { LOG_HALF, type SparseVector } from './sparse.ts';
import type { IdfWeights, Vocabulary } from './vocabulary.ts';

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

/**
 * The shared names (ids for which `isName` holds) and terms of `vector` (IDF-weighted) and `against` (raw
 * weights, weighted here by `idf` as sparse.ts withIdf does), each heaviest product first, ties to the lower
 * id. This runs for every article placed, so it keeps the top few of each kind while it merges instead of
 * sorting every shared entry.
 */
export function explainPlacement(
  vector: SparseVector,
  against: SparseVector,
  idf: IdfWeights,
  vocabulary: Vocabulary,
  isName: (id: number) => boolean,
): { sharedNames: readonly string[]; sharedTerms: readonly string[] } {
  const names = new TopShared();
  const terms = new TopShared();
  const { ids: a, weights: aw } = vector;
  const { ids: b, weights: bw } = against;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      // withIdf's weight: stored as a float32, so rounded the same way here.
      const weighted = Math.fround(bw[j]! * Math.max(0, idf.logN - (idf.logDf[y] ?? LOG_HALF)));
      const list = isName(x) ? names : terms;
      list.offer(x, aw[i]! * weighted);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return { sharedNames: names.surfaces(vocabulary), sharedTerms: terms.surfaces(vocabulary) };
}

/** The SHOWN heaviest of the ids offered in ascending order, heaviest first (equal weights: lower id first). */
class TopShared {
  private readonly ids: number[] = [];
  private readonly weights: number[] = [];

  offer(id: number, weight: number): void {
    const { ids, weights } = this;
    // Ids arrive ascending, so an equal weight already listed keeps its place ahead of this one.
    if (ids.length === SHOWN && !(weight > weights[SHOWN - 1]!)) return;
    let at = ids.length;
    while (at > 0 && weight > weights[at - 1]!) at -= 1;
    ids.splice(at, 0, id);
    weights.splice(at, 0, weight);
    if (ids.length > SHOWN) {
      ids.pop();
      weights.pop();
    }
  }

  surfaces(vocabulary: Vocabulary): string[] {
    return this.ids.map((id) => vocabulary.surface(id));
  }
}
