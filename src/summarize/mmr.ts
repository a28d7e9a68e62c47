// Maximal Marginal Relevance selection (Carbonell & Goldstein 1998) under a sentence and word budget.
// Each step takes the sentence with the best trade-off between its relevance and its similarity to what is
// already chosen; a near-paraphrase of a chosen sentence is never taken, so no fact is said twice.
import type { SummaryBudget } from './types.ts';
import type { ScoredCandidate } from './story-model.ts';
import type { ConceptModel } from './concepts.ts';
import { cosine } from './vectors.ts';

export interface MmrOptions {
  readonly mmrLambda: number;
  readonly paraphraseSimilarity: number;
  /** Share of relevance that comes from covering concepts not yet covered (0 = the static score only). */
  readonly conceptWeight: number;
  /** Concept gain is divided by (words ^ this): 0 favours long sentences, 1 gain per word. */
  readonly conceptLengthExponent: number;
}

// Once the minimum number of sentences is reached, stop rather than pad with a sentence this much weaker
// than the story's best: a short summary beats one with a filler line.
const MIN_RELATIVE_RELEVANCE = 0.25;

/**
 * Choose sentences from `pool` (already scored). `blocked` holds vectors of text that must not be repeated
 * (for what's-new: everything posted before). Returns the chosen sentences in selection order.
 */
export function selectMmr(
  pool: readonly ScoredCandidate[],
  budget: SummaryBudget,
  options: MmrOptions,
  blocked: readonly ScoredCandidate['vector'][] = [],
  concepts?: ConceptModel,
): ScoredCandidate[] {
  const chosen: ScoredCandidate[] = [];
  const covered = new Uint8Array(concepts?.weights.length ?? 0);
  const gain = (c: ScoredCandidate): number => {
    let sum = 0;
    for (const id of concepts?.conceptsOf.get(c.key) ?? []) if (covered[id] === 0) sum += concepts!.weights[id] ?? 0;
    return sum / Math.max(1, c.wordCount) ** options.conceptLengthExponent;
  };
  let maxGain = 0;
  if (concepts !== undefined) for (const c of pool) if (!c.refused) maxGain = Math.max(maxGain, gain(c));
  const chosenKeys = new Set<string>();
  let words = 0;
  // Each candidate's highest similarity to anything chosen or blocked, updated as sentences are added.
  const redundancy = new Map<string, number>();
  for (const c of pool) {
    let worst = 0;
    for (const b of blocked) worst = Math.max(worst, cosine(c.vector, b));
    redundancy.set(c.key, worst);
  }

  while (chosen.length < budget.maxSentences) {
    let best: ScoredCandidate | undefined;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (c.refused || chosenKeys.has(c.key)) continue;
      if (words + c.wordCount > budget.maxWords) continue;
      const redundant = redundancy.get(c.key) ?? 0;
      if (redundant >= options.paraphraseSimilarity) continue;
      // A sentence that leans on the one before it is only usable right after that one.
      if (c.dependent && !chosenKeys.has(`${c.articleIndex}:${c.position - 1}`)) continue;
      const relevance =
        maxGain > 0 ? (1 - options.conceptWeight) * c.score + (options.conceptWeight * gain(c)) / maxGain : c.score;
      const value = options.mmrLambda * relevance - (1 - options.mmrLambda) * redundant;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (best === undefined) break;
    if (chosen.length >= budget.minSentences && best.score < MIN_RELATIVE_RELEVANCE) break;
    chosen.push(best);
    chosenKeys.add(best.key);
    for (const id of concepts?.conceptsOf.get(best.key) ?? []) covered[id] = 1;
    words += best.wordCount;
    for (const c of pool) {
      const sim = cosine(c.vector, best.vector);
      if (sim > (redundancy.get(c.key) ?? 0)) redundancy.set(c.key, sim);
    }
  }
  return chosen;
}
