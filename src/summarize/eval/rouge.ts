// ROUGE (Lin 2004), written to match ROUGE-1.5.5 as DUC ran it: summaries cut to the first N whitespace
// words, lower-cased, every non-alphanumeric character a space, Porter stems for tokens longer than three
// characters, no stopword removal. With several references, hits and counts are summed over references
// before dividing ("-f A", the model average), as the official scores in duc2004-rouge/rouge.res are.
import { stemmer } from 'stemmer';

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f: number;
}

export interface RougeOptions {
  /** Keep only the first N whitespace-separated words (0 = no limit), as ROUGE's -l flag. */
  readonly wordLimit: number;
  readonly stem: boolean;
}

const DEFAULTS: RougeOptions = { wordLimit: 0, stem: true };

// ROUGE-1.5.5 -m looks a token up in WordNet's exception lists (irregular forms) before Porter-stemming it.
// We do not ship WordNet; this is the part of those lists that news text uses most (inflections of "be",
// common irregular verbs and plurals, four letters or more since shorter tokens are never stemmed). It
// closes most of the gap to the official scores on DUC 2004 (the bench prints both).
const IRREGULAR = new Map(
  `were:be been:be said:say made:make went:go gone:go took:take taken:take told:tell gave:give given:give
  came:come found:find knew:know known:know left:leave held:hold kept:keep began:begin begun:begin
  brought:bring thought:think bought:buy caught:catch fought:fight sought:seek taught:teach felt:feel
  meant:mean sent:send spent:spend built:build lost:lose paid:pay laid:lay fell:fall fallen:fall
  rose:rise risen:rise chose:choose chosen:choose drove:drive driven:drive wrote:write written:write
  spoke:speak spoken:speak broke:break broken:break stole:steal stolen:steal froze:freeze frozen:freeze
  grew:grow grown:grow threw:throw thrown:throw drew:draw drawn:draw flew:fly flown:fly shot:shoot
  stood:stand understood:understand struck:strike swore:swear sworn:swear wore:wear worn:wear tore:tear
  torn:tear woke:wake sold:sell fled:flee slid:slide hung:hang sang:sing sung:sing rang:ring sank:sink
  sunk:sink swam:swim shook:shake shaken:shake ridden:ride rode:ride hidden:hide forgot:forget
  forgotten:forget forgave:forgive children:child women:woman people:people feet:foot
  teeth:tooth mice:mouse lives:life wives:wife knives:knife leaves:leaf thieves:thief better:good
  best:good worse:bad worst:bad`
    .split(/\s+/)
    .filter((pair) => pair !== '')
    .map((pair) => pair.split(':') as [string, string]),
);

/** ROUGE-1.5.5 tokens of a summary. */
export function rougeTokens(text: string, options: Partial<RougeOptions> = {}): string[] {
  const { wordLimit, stem } = { ...DEFAULTS, ...options };
  let raw = text.split(/\s+/).filter((w) => w !== '');
  if (wordLimit > 0) raw = raw.slice(0, wordLimit);
  const tokens = raw.join(' ').toLowerCase().replace(/[^a-z0-9]/g, ' ').split(' ').filter((t) => t !== '');
  return stem ? tokens.map((t) => (t.length > 3 ? (IRREGULAR.get(t) ?? stemmer(t)) : t)) : tokens;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function score(hits: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount === 0 ? 0 : hits / candidateCount;
  const recall = referenceCount === 0 ? 0 : hits / referenceCount;
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f };
}

/** ROUGE-N of a candidate against one or more references (clipped n-gram counts, model average). */
export function rougeN(candidate: readonly string[], references: readonly (readonly string[])[], n: number): RougeScore {
  const mine = ngramCounts(candidate, n);
  const candidateCount = Math.max(0, candidate.length - n + 1);
  let hits = 0;
  let referenceCount = 0;
  let candidateTotal = 0;
  for (const reference of references) {
    const theirs = ngramCounts(reference, n);
    for (const [gram, count] of theirs) hits += Math.min(count, mine.get(gram) ?? 0);
    referenceCount += Math.max(0, reference.length - n + 1);
    candidateTotal += candidateCount;
  }
  return score(hits, candidateTotal, referenceCount);
}

/**
 * ROUGE-L over each text as one token sequence (the LCS of the whole summaries, as rouge-score's "rougeL";
 * ROUGE-1.5.5's summary-level union-LCS per sentence scores slightly higher on multi-sentence text).
 */
export function rougeL(candidate: readonly string[], references: readonly (readonly string[])[]): RougeScore {
  let hits = 0;
  let referenceCount = 0;
  let candidateTotal = 0;
  for (const reference of references) {
    hits += lcsLength(candidate, reference);
    referenceCount += reference.length;
    candidateTotal += candidate.length;
  }
  return score(hits, candidateTotal, referenceCount);
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface RougeReport {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeL: RougeScore;
}

/** ROUGE-1, -2 and -L of one summary against its references, both cut to `wordLimit` words. */
export function rouge(candidate: string, references: readonly string[], wordLimit = 0): RougeReport {
  const c = rougeTokens(candidate, { wordLimit });
  const refs = references.map((r) => rougeTokens(r, { wordLimit }));
  return { rouge1: rougeN(c, refs, 1), rouge2: rougeN(c, refs, 2), rougeL: rougeL(c, refs) };
}

/** Mean of each figure over many summaries. */
export function meanReport(reports: readonly RougeReport[]): RougeReport {
  const mean = (pick: (r: RougeReport) => RougeScore): RougeScore => {
    const n = Math.max(1, reports.length);
    const sum = reports.reduce(
      (acc, r) => ({ precision: acc.precision + pick(r).precision, recall: acc.recall + pick(r).recall, f: acc.f + pick(r).f }),
      { precision: 0, recall: 0, f: 0 },
    );
    return { precision: sum.precision / n, recall: sum.recall / n, f: sum.f / n };
  };
  return { rouge1: mean((r) => r.rouge1), rouge2: mean((r) => r.rouge2), rougeL: mean((r) => r.rougeL) };
}
