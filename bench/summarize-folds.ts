// k-fold cross-validation by story for the summarize bench: every row is summarized with a concept model
// fitted, and weights chosen, on the other folds' rows only, so no figure comes from a row anything was fitted
// or tuned on. Row i of a set is in fold i mod k (each row is one story). The lead and centroid baselines are
// run on the same rows; they fit nothing.
import type { Article } from '../src/domain/article.ts';
import { CONCEPT_MODEL, type ConceptModel } from '../src/summarize/concept-model.ts';
import { EXTRACTIVE_DEFAULTS, type ExtractiveOptions } from '../src/summarize/defaults.ts';
import { centroidBaseline, leadBaseline } from '../src/summarize/eval/baselines.ts';
import { rouge, rougeN, rougeTokens, type RougeReport } from '../src/summarize/eval/rouge.ts';
import { summarizeStory } from '../src/summarize/extractive.ts';
import type { SummaryBudget } from '../src/summarize/types.ts';
import { conceptExamples, fitConceptModel, type ConceptExamples } from './concept-fit.ts';
import { rowArticles, type SummaryRow } from './summary-data.ts';

export interface EvalSet {
  readonly name: string;
  readonly rows: readonly SummaryRow[];
  readonly words: number;
}

export interface RowResult {
  readonly ours: RougeReport;
  readonly lead: RougeReport;
  readonly centroid: RougeReport;
  readonly sentences: number;
  readonly uncited: number;
}

export interface FoldChoice {
  readonly fold: number;
  readonly model: ConceptModel;
  /** The grid point chosen on the training rows, and its mean R-2 F there (average of the sets). */
  readonly weights: Partial<ExtractiveOptions>;
  readonly trainR2: number;
}

export interface CrossValidation {
  /** Per set, per row (file order): the scores of the row's own fold's summarizer and of the baselines. */
  readonly results: readonly (readonly RowResult[])[];
  readonly folds: readonly FoldChoice[];
}

/**
 * Runs k-fold CV by story. Per fold: the concept model is refitted on the training rows of every set, then the
 * `grid` point with the best mean R-2 F on those training rows (sets weighed equally) is chosen; the held-out
 * fold is summarized with both. `base` holds everything not fitted (the hand-set options, and any idea being
 * measured).
 */
export function crossValidate(
  sets: readonly EvalSet[],
  k: number,
  grid: readonly Partial<ExtractiveOptions>[],
  base: ExtractiveOptions = EXTRACTIVE_DEFAULTS,
  log: (line: string) => void = () => undefined,
): CrossValidation {
  const articles = sets.map((set) => set.rows.map(rowArticles));
  const examples: ConceptExamples[][] = sets.map((set, s) =>
    set.rows.map((row, r) => conceptExamples(articles[s]![r]!, row.references, set.words, base)),
  );
  const references = sets.map((set) => set.rows.map((row) => row.references.map((ref) => rougeTokens(ref, { wordLimit: set.words }))));
  const results: RowResult[][] = sets.map((set) => new Array<RowResult>(set.rows.length));
  const folds: FoldChoice[] = [];
  const inFold = (r: number, fold: number): boolean => r % k === fold;
  for (let fold = 0; fold < k; fold += 1) {
    const model = fitConceptModel(
      examples.map((perRow) => perRow.filter((_, r) => !inFold(r, fold))),
      CONCEPT_MODEL,
    );
    let weights: Partial<ExtractiveOptions> = grid[0] ?? {};
    let trainR2 = Number.NaN;
    if (grid.length > 1) {
      trainR2 = -Infinity;
      for (const point of grid) {
        const options = { ...base, ...point, conceptModel: model };
        const perSet = sets.map((set, s) => {
          let sum = 0;
          let n = 0;
          set.rows.forEach((_, r) => {
            if (inFold(r, fold)) return;
            const summary = summarizeStory({ articles: articles[s]![r]! }, budgetFor(set.words), options);
            const tokens = rougeTokens(summary.sentences.map((x) => x.text).join(' '), { wordLimit: set.words });
            sum += rougeN(tokens, references[s]![r]!, 2).f;
            n += 1;
          });
          return sum / Math.max(1, n);
        });
        const score = perSet.reduce((a, b) => a + b, 0) / perSet.length;
        if (score > trainR2) {
          trainR2 = score;
          weights = point;
        }
      }
    }
    folds.push({ fold, model, weights, trainR2 });
    log(`  fold ${fold + 1}/${k}: ${describe(weights)}${Number.isNaN(trainR2) ? '' : `, training R-2 F ${(100 * trainR2).toFixed(2)}`}`);
    const options = { ...base, ...weights, conceptModel: model };
    sets.forEach((set, s) => {
      set.rows.forEach((row, r) => {
        if (!inFold(r, fold)) return;
        results[s]![r] = scoreRow(articles[s]![r]!, row.references, set.words, options);
      });
    });
  }
  return { results, folds };
}

// The budget `news-digest summarize --words N` gives the summarizer (src/cli/summarize-command.ts
// budgetFromFlags), which is the path the acceptance check takes: the summarizer's default budget with the
// word count replaced and about one sentence allowed per dozen words. The bench checks that it matches the
// command's output (cliAgreement in summarize.bench.ts). The evaluation then cuts every system at N words.
const WORDS_PER_SENTENCE_ALLOWANCE = 12;

export function budgetFor(words: number): SummaryBudget {
  const defaults = EXTRACTIVE_DEFAULTS.budget;
  const maxSentences = Math.max(defaults.maxSentences, Math.ceil(words / WORDS_PER_SENTENCE_ALLOWANCE));
  return { minSentences: Math.min(defaults.minSentences, maxSentences), maxSentences, maxWords: words };
}

function scoreRow(articles: readonly Article[], references: readonly string[], words: number, options: ExtractiveOptions): RowResult {
  const summary = summarizeStory({ articles }, budgetFor(words), options);
  return {
    ours: rouge(summary.sentences.map((s) => s.text).join(' '), references, words),
    lead: rouge(leadBaseline(articles, words), references, words),
    centroid: rouge(centroidBaseline(articles, words), references, words),
    sentences: summary.sentences.length,
    uncited: summary.sentences.filter((s) => s.sources.length === 0).length,
  };
}

function describe(weights: Partial<ExtractiveOptions>): string {
  const entries = Object.entries(weights);
  return entries.length === 0 ? 'default weights' : entries.map(([key, value]) => `${key} ${String(value)}`).join(', ');
}
