// `news-digest summarize [--json] [--words N] [--sentences N] < clusters.jsonl`: one headline and cited
// summary per input row. Rows are `{id, articles: [{title, text, source, url}]}`; output sources are indexes
// into that row's articles, so results can be joined back to the input without any ids of ours.
import { z } from 'zod';
import type { Article } from '../domain/article.ts';
import type { StorySummary } from '../domain/story.ts';
import { EXTRACTIVE_DEFAULTS } from '../summarize/defaults.ts';
import { summarizeStory } from '../summarize/extractive.ts';
import type { SummaryBudget } from '../summarize/types.ts';
import { intFlag, readAll, stringFlag, type CliCommand } from './command.ts';

const RowSchema = z.object({
  id: z.union([z.string(), z.number()]),
  articles: z.array(
    z.object({
      title: z.string().nullish(),
      text: z.string(),
      source: z.string().nullish(),
      url: z.string().nullish(),
      published: z.string().nullish(),
    }),
  ),
});

export interface SummarizeRowOutput {
  readonly id: string | number;
  readonly headline: string;
  readonly summary: readonly { readonly text: string; readonly sources: readonly number[] }[];
}

// With only a word budget, allow about one sentence per dozen words so the words, not the count, decide.
const WORDS_PER_SENTENCE_ALLOWANCE = 12;
const MAX_WORDS_FLAG = 5_000;
const MAX_SENTENCES_FLAG = 200;

export const summarizeCommand: CliCommand = {
  name: 'summarize',
  summary: 'summarize clustered articles from stdin (JSONL), one cited summary per row',
  help: `Usage: news-digest summarize [--json] [--words N] [--sentences N] < clusters.jsonl

Reads one story per line, {"id": ..., "articles": [{"title", "text", "source", "url"}]}, and writes its
headline and summary. Each summary sentence lists the articles that carry it, as indexes (0-based) into
the row's articles. A line that is not valid JSON or lacks "articles" stops with its line number.

Options:
  --json           one JSON object per line: {"id", "headline", "summary": [{"text", "sources": [0, 2]}]}
  --words N        at most N words per summary (default ${EXTRACTIVE_DEFAULTS.budget.maxWords})
  --sentences N    at most N sentences per summary (default ${EXTRACTIVE_DEFAULTS.budget.maxSentences})

Example: news-digest summarize --json --words 60 < clusters.jsonl
`,
  options: { json: { type: 'boolean' }, words: { type: 'string' }, sentences: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const budget = budgetFromFlags(context.values);
    const json = context.values.json === true;
    const input = await readAll(context.io.stdin);
    const lines = input.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const parsed = parseRow(line, index + 1);
      if (typeof parsed === 'string') {
        context.io.stderr.write(`news-digest summarize: ${parsed}\n`);
        return 1;
      }
      const output = summarizeRow(parsed, budget);
      context.io.stdout.write(json ? `${JSON.stringify(output)}\n` : renderText(output));
    }
    return 0;
  },
};

function budgetFromFlags(values: Parameters<CliCommand['run']>[0]['values']): SummaryBudget {
  const defaults = EXTRACTIVE_DEFAULTS.budget;
  const maxWords = intFlag(values, 'words', defaults.maxWords, 1, MAX_WORDS_FLAG);
  const sentencesGiven = stringFlag(values, 'sentences') !== undefined;
  const wordsGiven = stringFlag(values, 'words') !== undefined;
  const fallbackSentences = wordsGiven
    ? Math.max(defaults.maxSentences, Math.ceil(maxWords / WORDS_PER_SENTENCE_ALLOWANCE))
    : defaults.maxSentences;
  const maxSentences = sentencesGiven ? intFlag(values, 'sentences', fallbackSentences, 1, MAX_SENTENCES_FLAG) : fallbackSentences;
  return { minSentences: Math.min(defaults.minSentences, maxSentences), maxSentences, maxWords };
}

/** A validated row, or a one-line error message naming the line. */
function parseRow(line: string, lineNumber: number): z.infer<typeof RowSchema> | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `line ${lineNumber}: not valid JSON (${reason})`;
  }
  const result = RowSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'row' : issue.path.join('.');
    return `line ${lineNumber}: ${where}: ${issue?.message ?? 'invalid row'} (expected {"id", "articles": [{"title", "text", "source", "url"}]})`;
  }
  return result.data;
}

export function summarizeRow(row: z.infer<typeof RowSchema>, budget: SummaryBudget): SummarizeRowOutput {
  const prefix = `row:${String(row.id)}#`;
  const articles: Article[] = row.articles.map((a, i) => ({
    id: `${prefix}${i}`,
    title: a.title ?? '',
    text: a.text,
    source: a.source ?? '',
    url: a.url ?? null,
    path: null,
    published: a.published ?? null,
  }));
  const summary: StorySummary = summarizeStory({ articles }, budget);
  return {
    id: row.id,
    headline: summary.headline,
    summary: summary.sentences.map((s) => ({
      text: s.text,
      sources: s.sources.map((id) => Number(id.slice(prefix.length))).sort((a, b) => a - b),
    })),
  };
}

function renderText(output: SummarizeRowOutput): string {
  const lines = [`${String(output.id)}: ${output.headline}`];
  for (const s of output.summary) lines.push(`  - ${s.text} ${s.sources.map((n) => `[${n + 1}]`).join('')}`);
  return `${lines.join('\n')}\n\n`;
}
