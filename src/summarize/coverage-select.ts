// Sentence selection by concept coverage under the word budget (Gillick & Favre 2009; the greedy form of
// Lin & Bilmes 2010). A summary is worth the summed value of the distinct concepts it covers (a concept
// counts once, so a repeated fact adds nothing); that worth is divided by the summary's length plus a share
// of the budget, which is the shape of ROUGE-F: the expected overlap with a human summary over the sizes of
// both. Adding a sentence therefore pays only when its new concepts are denser than the summary so far, so
// the budget is filled with dense sentences and a weak filler line is left out.
// Small pools (an AllSides story has about seven candidates) are searched exactly; large ones greedily.
import type { ConceptValues } from './concept-values.ts';
import type { ScoredCandidate } from './story-model.ts';
import type { SummaryBudget } from './types.ts';
import { cosine } from './vectors.ts';

export interface CoverageOptions {
  readonly paraphraseSimilarity: number;
  /** The reference length assumed in the F-shaped objective, as a share of the word budget. */
  readonly referenceShare: number;
  /** Pools at most this large are searched exhaustively (2^n subsets at worst, pruned by the budget). */
  readonly exactSearchLimit: number;
  /** Value per unit of a sentence's word agreement with the other articles (ConceptValues.agreement). */
  readonly agreementWeight: number;
}

/** Chosen candidates, the densest first (the first is the headline fallback). */
export function selectByCoverage(
  pool: readonly ScoredCandidate[],
  indexOf: ReadonlyMap<string, number>,
  concepts: ConceptValues,
  budget: SummaryBudget,
  options: CoverageOptions,
): ScoredCandidate[] {
  const usable = pool.filter((c) => !c.refused && c.wordCount <= budget.maxWords);
  const conceptsOf = (c: ScoredCandidate): Int32Array => concepts.conceptsOf[indexOf.get(c.key)!] ?? new Int32Array(0);
  const pairs = (c: ScoredCandidate): number => Math.max(0, c.tokens.length - 1);
  // The agreement term is the sentence's own (not shared with the others it is chosen with), so it adds. A
  // dependent sentence gets none: it is a tie-breaker between wordings, and between a self-contained wording
  // and one that leans on its predecessor ("He said the council..."), the self-contained one should win.
  const own = (c: ScoredCandidate): number =>
    c.dependent ? 0 : options.agreementWeight * (concepts.agreement[indexOf.get(c.key)!] ?? 0);
  const offset = options.referenceShare * budget.maxWords;
  const compatible = (chosen: readonly ScoredCandidate[], c: ScoredCandidate): boolean => {
    // A sentence that leans on the one before it is only usable together with that one.
    if (c.dependent && !chosen.some((x) => x.articleIndex === c.articleIndex && x.position === c.position - 1)) return false;
    // A sentence and its trimmed variant (same article and position) are one sentence told twice.
    return chosen.every(
      (x) => !(x.articleIndex === c.articleIndex && x.position === c.position) && cosine(x.vector, c.vector) < options.paraphraseSimilarity,
    );
  };
  const problem: Problem = { conceptsOf, pairs, own, values: concepts.values, offset, budget, compatible };
  const chosen = usable.length <= options.exactSearchLimit ? exact(usable, problem) : greedy(usable, problem);
  const alone = (c: ScoredCandidate): number => {
    let v = own(c);
    for (const id of conceptsOf(c)) v += concepts.values[id]!;
    return v / (pairs(c) + offset);
  };
  return chosen.sort((a, b) => alone(b) - alone(a));
}

/** What both searches maximise and under which limits: the same problem, searched two ways. */
interface Problem {
  readonly conceptsOf: (c: ScoredCandidate) => Int32Array;
  readonly pairs: (c: ScoredCandidate) => number;
  readonly own: (c: ScoredCandidate) => number;
  /** Value per concept id. */
  readonly values: Float64Array;
  /** Added to a summary's length in the objective's denominator (CoverageOptions.referenceShare). */
  readonly offset: number;
  readonly budget: SummaryBudget;
  readonly compatible: (chosen: readonly ScoredCandidate[], c: ScoredCandidate) => boolean;
}

function exact(
  usable: readonly ScoredCandidate[],
  { conceptsOf, pairs, own, values, offset, budget, compatible }: Problem,
): ScoredCandidate[] {
  // Article then sentence order, so a dependent sentence's predecessor is always decided before it.
  const order = [...usable].sort((a, b) => a.articleIndex - b.articleIndex || a.position - b.position);
  const count = new Uint16Array(values.length);
  let value = 0;
  let best: ScoredCandidate[] = [];
  let bestScore = -Infinity;
  let bestMeetsMin = false;
  const set: ScoredCandidate[] = [];
  const visit = (i: number, words: number, length: number): void => {
    if (i === order.length) {
      if (set.length === 0) return;
      const meetsMin = set.length >= budget.minSentences;
      const score = value / (length + offset);
      // A set with the minimum number of sentences always beats one without.
      if ((meetsMin && !bestMeetsMin) || (meetsMin === bestMeetsMin && score > bestScore)) {
        best = [...set];
        bestScore = score;
        bestMeetsMin = meetsMin;
      }
      return;
    }
    visit(i + 1, words, length);
    const c = order[i]!;
    if (set.length >= budget.maxSentences || words + c.wordCount > budget.maxWords || !compatible(set, c)) return;
    const ids = conceptsOf(c);
    const before = value;
    value += own(c);
    for (const id of ids) if ((count[id] = count[id]! + 1) === 1) value += values[id]!;
    set.push(c);
    visit(i + 1, words + c.wordCount, length + pairs(c));
    set.pop();
    for (const id of ids) count[id] = count[id]! - 1;
    value = before;
  };
  visit(0, 0, 0);
  return best;
}

function greedy(
  usable: readonly ScoredCandidate[],
  { conceptsOf, pairs, own, values, offset, budget, compatible }: Problem,
): ScoredCandidate[] {
  const covered = new Uint8Array(values.length);
  const chosen: ScoredCandidate[] = [];
  const taken = new Set<string>();
  let value = 0;
  let length = 0;
  let words = 0;
  while (chosen.length < budget.maxSentences) {
    let best: ScoredCandidate | undefined;
    let bestScore = -Infinity;
    let bestGain = 0;
    for (const c of usable) {
      if (taken.has(c.key) || words + c.wordCount > budget.maxWords || !compatible(chosen, c)) continue;
      let gain = own(c);
      for (const id of conceptsOf(c)) if (covered[id] === 0) gain += values[id]!;
      const score = (value + gain) / (length + pairs(c) + offset);
      if (score > bestScore) {
        bestScore = score;
        best = c;
        bestGain = gain;
      }
    }
    if (best === undefined) break;
    // Past the minimum, a sentence must raise the objective: a thinner one would only dilute the summary.
    if (chosen.length >= budget.minSentences && bestScore <= value / (length + offset)) break;
    chosen.push(best);
    taken.add(best.key);
    for (const id of conceptsOf(best)) covered[id] = 1;
    value += bestGain;
    length += pairs(best);
    words += best.wordCount;
  }
  return chosen;
}
