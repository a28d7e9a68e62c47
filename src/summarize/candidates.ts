// Turns a story's articles into candidate summary sentences: split, quotes kept whole, datelines stripped,
// boilerplate refused, and each sentence tokenized once for every later step (scoring, MMR, citations).
import type { Article } from '../domain/article.ts';
import { normalizePunctuation } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import { isStopword, stem, words } from '../text/tokens.ts';
import { boilerplateReason, type SentenceLimits } from './boilerplate.ts';

export interface Candidate {
  /** Stable within one story: "<article index>:<sentence index>". */
  readonly key: string;
  readonly articleId: string;
  /** Index of the article in the story's arrival order. */
  readonly articleIndex: number;
  /** Sentence index within its article, counting every sentence (boilerplate too), so leads stay leads. */
  readonly position: number;
  readonly text: string;
  /** Whitespace-separated words, the unit of the word budget. */
  readonly wordCount: number;
  /** Lower-cased word tokens (src/text/tokens.ts `words`), kept so later steps need not tokenize again. */
  readonly tokens: readonly string[];
  /** Stemmed content words. */
  readonly terms: readonly string[];
  /** Starts with a pronoun or connective that needs the previous sentence to make sense. */
  readonly dependent: boolean;
  /** Refused as boilerplate or a fragment; kept in the list so positions and what's-new stay accurate. */
  readonly refused: boolean;
}

// A sentence whose first word is one of these leans on the sentence before it ("He added...",
// "However, ..."): out of context it reads as an unresolved reference.
const DEPENDENT_STARTS = new Set([
  'he', 'she', 'they', 'it', 'this', 'these', 'those', 'that', 'his', 'her', 'their', 'its', 'him', 'them',
  'such', 'however', 'but', 'also', 'and', 'meanwhile', 'moreover', 'furthermore', 'still', 'yet', 'so',
  'then', 'instead', 'additionally', 'nevertheless', 'nonetheless', 'besides', 'likewise', 'similarly', 'thus',
  'therefore', 'otherwise', 'conversely', 'consequently', 'hence', 'accordingly', 'or', 'nor',
]);
const DEPENDENT_PHRASES = /^(in addition|as a result|at the same time|on the other hand|in contrast|by contrast|in turn|the (two|three) (men|women|leaders|sides|countries))\b/i;

// "(MENAFN) ", "WASHINGTON (Reuters) - ", "LONDON - ", "KYIV, Ukraine (AP) - ", "Washington (CNN) - ": agency
// datelines that open a wire story. They are not part of the sentence a reader wants to see.
const DATELINES: readonly RegExp[] = [
  /^\((?:[A-Z][\w&.' -]{1,40})\)\s*[-:]?\s*/,
  /^[A-Z][A-Z.' -]{2,40}(?:,\s*[A-Z][\w.' -]{1,30})?\s*(?:\([\w&.' -]{2,30}\))?\s+-\s+/,
  // "Washington (CNN) - ": a city in title case only with an agency in brackets, so a name with a party label ("(R-Ky.)") stays.
  /^[A-Z][\w.']*(?: [A-Z][\w.']*){0,2}(?:,\s*[A-Z][\w.']*(?: [A-Z][\w.']*){0,2})?\s+\((?:[A-Z][A-Za-z]+\s?){1,3}\)\s*-\s+/,
];

/** Stemmed content words of a text (the unit of every similarity in this module). */
export function contentTerms(text: string): string[] {
  return termsOfWords(words(text));
}

function termsOfWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of tokens) {
    if (word.length < 2 || isStopword(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** Candidates of every article, in story order then sentence order. */
export function extractCandidates(
  articles: readonly Article[],
  limits: SentenceLimits & {
    readonly maxSentencesPerArticle: number;
    readonly maxCandidatesPerStory: number;
    readonly minSentencesPerArticle: number;
  },
): Candidate[] {
  const out: Candidate[] = [];
  const perArticle = Math.max(
    limits.minSentencesPerArticle,
    Math.min(limits.maxSentencesPerArticle, Math.floor(limits.maxCandidatesPerStory / Math.max(1, articles.length))),
  );
  articles.forEach((article, articleIndex) => {
    const sentences = articleSentences(article.text, perArticle);
    sentences.forEach((raw, position) => {
      const text = stripDateline(raw);
      // Tokenize once: the boilerplate check, the dependency check and the terms share the tokens.
      const tokens = words(text);
      const terms = termsOfWords(tokens);
      out.push({
        key: `${articleIndex}:${position}`,
        articleId: article.id,
        articleIndex,
        position,
        text,
        wordCount: text.split(/\s+/).filter((w) => w !== '').length,
        tokens,
        terms,
        dependent: isDependent(text, tokens),
        refused: boilerplateReason(text, limits, tokens) !== null,
      });
    });
  });
  return out;
}

/** The first `limit` sentences of an article body, quotes whole, soft-wrapped lines rejoined. */
export function articleSentences(body: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  // Splitting stops once enough sentences are found: long articles cost no more than short ones.
  for (const block of textBlocks(normalizePunctuation(body))) {
    out.push(...keepQuotesWhole(splitSentences(block)));
    if (out.length >= limit) return out.slice(0, limit);
  }
  return out;
}

/**
 * Blocks of text that a sentence never crosses. Blank lines always separate; a single line break separates
 * too (scraped pages put a title, a label or a paragraph per line) unless it is a soft wrap: the line does
 * not end a sentence and the next one starts in lower case.
 */
function* textBlocks(text: string): Generator<string> {
  for (const paragraph of text.split(/\n\s*\n/)) {
    let current = '';
    for (const rawLine of paragraph.split('\n')) {
      const line = rawLine.trim();
      if (line === '') continue;
      const softWrap = current !== '' && !/[.!?:"')\]]$/.test(current) && /^[\p{Ll}]/u.test(line);
      if (softWrap) current = `${current} ${line}`;
      else {
        if (current !== '') yield current;
        current = line;
      }
    }
    if (current !== '') yield current;
  }
}

/** Re-join sentences split inside a quotation, so a quote is never cut in half. */
function keepQuotesWhole(sentences: readonly string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const sentence of sentences) {
    pending = pending === '' ? sentence : `${pending} ${sentence}`;
    if (quoteCount(pending) % 2 === 0) {
      out.push(pending);
      pending = '';
    }
  }
  // An unbalanced quote to the end of the block: the block's sentences as split, rather than one run-on.
  if (pending !== '') out.push(...splitSentences(pending));
  return out;
}

function quoteCount(text: string): number {
  return (text.match(/"/g) ?? []).length;
}

function stripDateline(sentence: string): string {
  for (const pattern of DATELINES) {
    const stripped = sentence.replace(pattern, '');
    if (stripped !== sentence && /^["'\p{Lu}\p{N}]/u.test(stripped)) return stripped;
  }
  return sentence;
}

function isDependent(text: string, tokens: readonly string[]): boolean {
  // A sentence that opens with a quotation is anchored by its attribution ("...," Rutte said), unless the
  // attribution is itself a pronoun ("...," he said) or there is none: a quotation from first mark to last
  // ("Nobody should be thrown out.") names its speaker in the sentence before, and without it a reader
  // cannot tell who is speaking.
  if (/^"/.test(text)) return /"$|"[.!?]$|[.!?]"$/.test(text) || /",?\s+(he|she|they|it|we)\s+\w+[.!?]?$/i.test(text);
  if (/^'/.test(text)) return /',?\s+(he|she|they|it|we)\s+\w+[.!?]?$/i.test(text);
  const first = tokens[0];
  return (first !== undefined && DEPENDENT_STARTS.has(first)) || DEPENDENT_PHRASES.test(text);
}
