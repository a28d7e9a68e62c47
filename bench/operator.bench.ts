// `node bench/run.ts operator` (issue 19): two figures of the first hour of an operator.
//
// 1. Did-you-mean on typed names. Every long flag of every command, every command name and every config
//    key (read from the schema) is misspelt by one edit of each kind (a letter dropped, doubled, swapped
//    with its neighbour, replaced by a neighbouring key), and once more by a second edit, by a seeded
//    generator. The figures: the share of one-edit typos whose suggestion names the intended word (target
//    90%), the same for two edits (no target), and the share of real names from elsewhere (another
//    command's flag, another section's key) that wrongly get a suggestion (target at most 5%). The
//    suggester's two parameters (one edit per three letters, prefixes of 3+ letters) were set before this
//    bench existed and were not tuned on it. Baselines in the same run: no suggestion (what parseArgs and
//    zod gave) and a fixed edit distance of 2, a common choice.
// 2. Log lines for one feed that answers 404 for a day (96 polls at 15 minutes) and then recovers, on a
//    terminal (pino-pretty) at the default level: target at most 2 (one when it starts failing, one when it
//    recovers). Baseline: the logger.error call per poll the bot made before.
import { PassThrough } from 'node:stream';
import { createFeedFailureLog } from '../src/app/feed-failure-log.ts';
import { COMMANDS } from '../src/cli/commands.ts';
import { keysAt } from '../src/config/schema-keys.ts';
import { configSchema } from '../src/config/schema.ts';
import { editDistance, suggest } from '../src/config/suggest.ts';
import { FetchError } from '../src/ingest/fetch/errors.ts';
import { createPinoLogger } from '../src/ops/pino-logger.ts';

const TARGETS = { recall: 0.9, falseSuggestions: 0.05, logLines: 2 } as const;
const POLLS_PER_DAY = 96;

/** Names an operator types, each with the names it is told apart from (the same command's flags, ...). */
function vocabularies(): string[][] {
  const sample = { sources: [{ type: 'feed' }, { type: 'files' }], channels: [{ schedule: {} }], summary: { llm: {} } };
  const configPaths: PropertyKey[][] = [[], ['feeds'], ['summary'], ['summary', 'llm'], ['store'], ['admins'], ['channels', 0], ['channels', 0, 'schedule'], ['sources', 0], ['sources', 1]];
  return [
    COMMANDS.map((c) => c.name),
    ...COMMANDS.map((c) => [...Object.keys(c.options), 'help']),
    ...configPaths.map((path) => keysAt(configSchema, path, sample)),
  ].filter((list) => list.length > 0);
}

/** mulberry32: a small seeded generator, so every run measures the same typos. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbourKey(letter: string, pick: () => number): string {
  const lower = letter.toLowerCase();
  for (const row of KEYBOARD) {
    const at = row.indexOf(lower);
    if (at === -1) continue;
    const options = [row[at - 1], row[at + 1]].filter((c): c is string => c !== undefined);
    return options[Math.floor(pick() * options.length)] ?? lower;
  }
  return lower === 'a' ? 'b' : 'a';
}

function typos(word: string, pick: () => number): string[] {
  const at = (n: number) => Math.floor(pick() * n);
  const i = at(word.length);
  const j = Math.min(at(word.length - 1), word.length - 2);
  const out = [
    word.slice(0, i) + word.slice(i + 1), // dropped
    word.slice(0, i) + word[i] + word.slice(i), // doubled
    word.slice(0, j) + (word[j + 1] ?? '') + (word[j] ?? '') + word.slice(j + 2), // swapped
    word.slice(0, i) + neighbourKey(word[i] ?? 'a', pick) + word.slice(i + 1), // neighbouring key
  ];
  return out.filter((typo) => typo !== word && typo.length > 0);
}

type Suggester = (typed: string, known: readonly string[]) => string[];
const fixedTwo: Suggester = (typed, known) =>
  known.filter((name) => name.toLowerCase() !== typed.toLowerCase() && editDistance(typed.toLowerCase(), name.toLowerCase()) <= 2).slice(0, 2);
const none: Suggester = () => [];

interface Figures {
  readonly oneEdit: number;
  readonly twoEdits: number;
  readonly typos: number;
  readonly falseRate: number;
  readonly unrelated: number;
}

function measure(suggester: Suggester, seed: number): Figures {
  const pick = random(seed);
  const lists = vocabularies();
  const everything = [...new Set(lists.flat())];
  let one = 0;
  let two = 0;
  let total = 0;
  let falseHits = 0;
  let unrelated = 0;
  for (const known of lists) {
    for (const word of known) {
      if (word.length < 3) continue;
      for (const typo of typos(word, pick)) {
        const twice = typos(typo, pick)[Math.floor(pick() * 4)] ?? typo;
        if (known.includes(typo) || known.includes(twice)) continue; // the typo is another real name
        total += 1;
        if (suggester(typo, known).includes(word)) one += 1;
        if (suggester(twice, known).includes(word)) two += 1;
      }
    }
    // Real names from elsewhere (another command's flag, a key of another section): no typo of any name
    // here, so any suggestion is a wrong one. `digest --json` is the kind of slip this stands for.
    for (const stranger of everything) {
      if (stranger.length < 3 || known.includes(stranger)) continue;
      unrelated += 1;
      if (suggester(stranger, known).length > 0) falseHits += 1;
    }
  }
  return { oneEdit: one / total, twoEdits: two / total, typos: total, falseRate: falseHits / unrelated, unrelated };
}

function logLines(report: (logger: ReturnType<typeof createPinoLogger>, url: string, error: FetchError) => void): number {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logger = createPinoLogger({ pretty: true, colorize: false, destination: sink });
  const url = 'https://news.example/feed.xml';
  report(logger, url, new FetchError('FETCH_HTTP_STATUS', `HTTP 404 from ${url}`, { url, status: 404 }));
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export default async function (): Promise<void> {
  const seeds = [1, 2, 3];
  console.log('did-you-mean on typos of every flag, command and config key (3 seeded runs, mean):');
  for (const [name, suggester] of [
    ['this suggester', suggest],
    ['baseline: no suggestion', none],
    ['baseline: edit distance <= 2', fixedTwo],
  ] as const) {
    const runs = seeds.map((seed) => measure(suggester, seed));
    const mean = (f: (r: Figures) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
    const [oneEdit, twoEdits, falseRate] = [mean((r) => r.oneEdit), mean((r) => r.twoEdits), mean((r) => r.falseRate)];
    const met = name === 'this suggester' ? (oneEdit >= TARGETS.recall && falseRate <= TARGETS.falseSuggestions ? 'MET' : 'MISSED') : '';
    console.log(`  ${name}`);
    console.log(`    names the intended word, one edit   ${pct(oneEdit).padStart(6)} of ${runs[0]?.typos ?? 0}   target ${pct(TARGETS.recall)}`);
    console.log(`    names the intended word, two edits  ${pct(twoEdits).padStart(6)} (no target: shown for the trade-off)`);
    console.log(`    suggests for names from elsewhere   ${pct(falseRate).padStart(6)} of ${runs[0]?.unrelated ?? 0}   target <= ${pct(TARGETS.falseSuggestions)}   ${met}`);
  }

  const polls = POLLS_PER_DAY;
  const now = logLines((logger, url, error) => {
    const log = createFeedFailureLog(logger);
    for (let poll = 0; poll < polls; poll += 1) log.failed(url, error);
    log.succeeded(url);
  });
  const before = logLines((logger, url, error) => {
    for (let poll = 0; poll < polls; poll += 1) logger.error(`feed ${url} failed`, error);
  });
  console.log(`log lines for one feed down a day (${polls} polls) then back, on a terminal at the default level:`);
  console.log(`  now       ${String(now).padStart(5)}   target <= ${TARGETS.logLines}  ${now <= TARGETS.logLines ? 'MET' : 'MISSED'}`);
  console.log(`  baseline  ${String(before).padStart(5)}   (logger.error with the error, once per poll, as before issue 19)`);
}
