// The LLM summarizer's two pure halves: the prompt (the story's candidate sentences, each with an id the
// model must cite) and the check of its answer (JSON shape, known ids, budget). Kept apart from the HTTP
// code in llm.ts so both are testable without a server.
import type { StorySummary, SummarySentence } from '../domain/story.ts';
import { boilerplateReason, isBoilerplateText } from './boilerplate.ts';
import { citingArticles } from './citations.ts';
import type { ExtractiveOptions } from './defaults.ts';
import { textVector, type ScoredCandidate, type StoryModel } from './story-model.ts';
import type { SummaryBudget } from './types.ts';
import { cosine } from './vectors.ts';

// What an answer's sentence may not be, even with valid ids: site chrome, a teaser, a bracketed note or
// shouting. A short or verbless sentence is allowed (a model may write "Talks resume Monday.").
const REFUSED_IN_ANSWERS = new Set(['pattern', 'teaser', 'bracketed', 'shouting']);

type AnswerChecks = Pick<ExtractiveOptions, 'citationSimilarity' | 'rewriteCitationSimilarity' | 'minSentenceWords' | 'maxSentenceWords'>;

export interface PromptSentence {
  /** "S1", "S2", ...: short ids are cheap in tokens and hard for a model to garble. */
  readonly id: string;
  readonly candidate: ScoredCandidate;
}

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/**
 * The sentences the model may use: the story's accepted candidates, the most relevant first up to `limit`
 * (bounding prompt size and cost for a 50-outlet story), then put back in article and sentence order so the
 * model reads each article as it was written.
 */
export function promptSentences(model: StoryModel, limit: number): PromptSentence[] {
  const usable = model.candidates.filter((c) => !c.refused);
  const top = [...usable].sort((a, b) => b.score - a.score).slice(0, Math.max(1, limit));
  top.sort((a, b) => a.articleIndex - b.articleIndex || a.position - b.position);
  return top.map((candidate, i) => ({ id: `S${i + 1}`, candidate }));
}

export function buildMessages(model: StoryModel, sentences: readonly PromptSentence[], budget: SummaryBudget): ChatMessage[] {
  const system = [
    'You write neutral news summaries from several outlets\' reports of one story.',
    'Use only facts stated in the numbered sentences you are given; add nothing else.',
    `Write ${budget.minSentences} to ${budget.maxSentences} sentences, at most ${budget.maxWords} words in total.`,
    'Every sentence must cite the ids of the given sentences it is based on.',
    'Answer with one JSON object and nothing else:',
    '{"headline": "...", "sentences": [{"text": "...", "ids": ["S1", "S4"]}]}',
  ].join('\n');
  const titles = model.articles.map((a, i) => `Article ${i + 1} (${a.source || 'unknown outlet'}): ${a.title}`);
  const lines = sentences.map((s) => `${s.id} [article ${s.candidate.articleIndex + 1}]: ${s.candidate.text}`);
  const user = ['Articles:', ...titles, '', 'Sentences:', ...lines].join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** Why an answer was refused; the reason is logged, the answer itself is discarded. */
export class InvalidAnswerError extends Error {
  readonly code = 'llm-invalid-answer';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAnswerError';
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * The JSON object inside a model's reply. Models that ignore response_format wrap it in a ```json fence or
 * a sentence of preamble, so the outermost {...} is taken when the whole text does not parse.
 */
export function parseAnswerJson(content: string): unknown {
  const trimmed = content.trim();
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start < 0 || end <= start) throw new InvalidAnswerError('the answer holds no JSON object');
    try {
      return JSON.parse(trimmed.slice(start, end + 1)) as unknown;
    } catch (error) {
      throw new InvalidAnswerError(`the answer's JSON does not parse (${(error as Error).message})`);
    }
  }
}

/**
 * Check a parsed answer and turn it into a summary. Refused: a missing or empty sentence list, a sentence
 * with no text or no ids, an id that was not in the prompt (the model cited something that does not exist),
 * a sentence its cited sentences do not support (invented, or citing the wrong sentence: checkSupport), a
 * boilerplate sentence, a repeated sentence, or a summary over the budget's sentence or word count. A
 * boilerplate headline is dropped (the extractive headline is used). Citations are the articles of the
 * cited sentences plus, as in the extractive summary, every article that carries one of them.
 */
export function validateAnswer(
  answer: unknown,
  sentences: readonly PromptSentence[],
  model: StoryModel,
  budget: SummaryBudget,
  thresholds: AnswerChecks,
): { headline: string | null; sentences: SummarySentence[] } {
  if (typeof answer !== 'object' || answer === null) throw new InvalidAnswerError('the answer is not a JSON object');
  const { headline, sentences: raw } = answer as { headline?: unknown; sentences?: unknown };
  if (!Array.isArray(raw) || raw.length === 0) throw new InvalidAnswerError('the answer has no sentences');
  if (raw.length > budget.maxSentences) {
    throw new InvalidAnswerError(`${raw.length} sentences, over the budget of ${budget.maxSentences}`);
  }
  const byId = new Map(sentences.map((s) => [s.id.toUpperCase(), s.candidate]));
  const out: SummarySentence[] = [];
  const seen = new Set<string>();
  let words = 0;
  raw.forEach((item: unknown, index) => {
    const { text, ids } = (typeof item === 'object' && item !== null ? item : {}) as { text?: unknown; ids?: unknown };
    if (typeof text !== 'string' || text.trim() === '') throw new InvalidAnswerError(`sentence ${index + 1} has no text`);
    if (!Array.isArray(ids) || ids.length === 0) throw new InvalidAnswerError(`sentence ${index + 1} cites nothing`);
    const cited = ids.map((id: unknown) => {
      const candidate = typeof id === 'string' ? byId.get(id.trim().toUpperCase()) : undefined;
      if (candidate === undefined) throw new InvalidAnswerError(`sentence ${index + 1} cites unknown id ${JSON.stringify(id)}`);
      return candidate;
    });
    const clean = text.trim().replace(/\s+/g, ' ');
    const reason = boilerplateReason(clean, thresholds);
    if (reason !== null && REFUSED_IN_ANSWERS.has(reason)) throw new InvalidAnswerError(`sentence ${index + 1} is boilerplate (${reason})`);
    checkSupport(clean, index, cited, sentences, model, thresholds.citationSimilarity);
    if (seen.has(clean.toLowerCase())) throw new InvalidAnswerError(`sentence ${index + 1} repeats an earlier one`);
    seen.add(clean.toLowerCase());
    words += wordCount(clean);
    out.push({ text: clean, sources: sourcesOf(model, cited, thresholds) });
  });
  if (words > budget.maxWords) throw new InvalidAnswerError(`${words} words, over the budget of ${budget.maxWords}`);
  const title = typeof headline === 'string' && headline.trim() !== '' && !isBoilerplateText(headline) ? headline.trim().replace(/\s+/g, ' ') : null;
  return { headline: title, sentences: out };
}

/**
 * A sentence must say what its cited sentences say: as close to them (cosine of stemmed content words, to the
 * closest one or to all of them together for a sentence that fuses several) as the summary's own citation
 * threshold, and with no number they do not hold (a changed count or date is the commonest invented detail).
 * When another given sentence is that close instead, the citation is wrong; when none is, the sentence is
 * invented.
 */
function checkSupport(
  text: string,
  index: number,
  cited: readonly ScoredCandidate[],
  sentences: readonly PromptSentence[],
  model: StoryModel,
  threshold: number,
): void {
  const vector = textVector(model, text);
  const together = textVector(model, cited.map((c) => c.text).join(' '));
  const support = Math.max(cosine(vector, together), ...cited.map((c) => cosine(vector, c.vector)));
  if (support < threshold) {
    const other = sentences.find((s) => !cited.includes(s.candidate) && cosine(vector, s.candidate.vector) >= threshold);
    if (other !== undefined) throw new InvalidAnswerError(`sentence ${index + 1} cites sentences that do not say it (${other.id} does)`);
    throw new InvalidAnswerError(`sentence ${index + 1} says what none of the given sentences says`);
  }
  const numbers = new Set(cited.flatMap((c) => c.text.match(/\d[\d.,]*\d|\d/g) ?? []));
  const unknown = (text.match(/\d[\d.,]*\d|\d/g) ?? []).find((n) => !numbers.has(n));
  if (unknown !== undefined) throw new InvalidAnswerError(`sentence ${index + 1} states ${unknown}, which its cited sentences do not`);
}

function sourcesOf(
  model: StoryModel,
  cited: readonly ScoredCandidate[],
  thresholds: Pick<ExtractiveOptions, 'citationSimilarity' | 'rewriteCitationSimilarity'>,
): string[] {
  const ids = new Set<string>();
  for (const c of cited) for (const id of citingArticles(model, c.vector, c.articleIndex, thresholds)) ids.add(id);
  // Story order, the order the extractive summary cites in.
  return model.articles.map((a) => a.id).filter((id) => ids.has(id));
}

/** A summary from a validated answer, with the extractive headline when the model gave none. */
export function toSummary(validated: ReturnType<typeof validateAnswer>, fallbackHeadline: () => string): StorySummary {
  return { headline: validated.headline ?? fallbackHeadline(), sentences: validated.sentences };
}
