// One pass over an article's words: content terms by field (title, lead, body), names, and the word sequence
// for the rewrite fingerprints. Robust to leftover boilerplate: repeated lines count once, and title-cased
// lines (headings, "Leave A Reply") are read like sentence starts, so they do not invent names.
import type { Article } from '../domain/article.ts';
import { atSentenceStart } from '../text/names.ts';
import { createHashedWordSpan, nextHashedWord } from './hashed-words.ts';
import { TOKEN_CAPITAL, TOKEN_HASH, TOKEN_TERM, TOKEN_WORD, type Lexicon } from './lexicon.ts';
import { sortIds } from './sparse.ts';

/**
 * The analysis of one article. Its arrays are views of scratch arrays reused by the next analyzeArticle call
 * (each fresh typed array would be allocated outside V8's heap, about a microsecond apiece): read them, or
 * copy what must be kept, before analyzing another article.
 */
export interface AnalyzedArticle {
  /** Distinct term ids (stemmed content words and name features), ascending. */
  readonly ids: Int32Array;
  /** Weighted frequency of each id: sublinear body count plus title and lead bonuses, names boosted. */
  readonly tf: Float64Array;
  /** Where each id occurs, FIELD_TITLE and FIELD_LEAD bits: the placement model compares these on their own. */
  readonly fields: Uint8Array;
  /** Hashes of the body words in order, stopwords included: input of the shingle fingerprint. */
  readonly wordHashes: Uint32Array;
  /** Body content term ids in order: input of the paraphrase (phrase) fingerprint. */
  readonly contentIds: Uint32Array;
}

export interface FieldWeights {
  readonly titleWeight: number;
  readonly leadWeight: number;
  readonly leadWords: number;
  readonly bodyLog: number;
  readonly nameWeight: number;
}

export const FIELD_TITLE = 1;
export const FIELD_LEAD = 2;

const FLAG_CAPITAL = 1;
const FLAG_START = 2;

// Scratch state of the article being analyzed (one article at a time), reused across articles: tokens of the
// title and body in order with their flags, positions of the capitalised ones, and the body's word hashes
// and content term ids in order. Term counts are kept per term id (no Map per article): the body count in the
// low bits and the title and lead marks above them, in one int32, reset through the `touched` list.
let scanTokens = new Int32Array(1 << 12);
let scanFlags = new Uint8Array(1 << 12);
let scanHashes = new Uint32Array(1 << 12);
let scanContent = new Uint32Array(1 << 12);
let scanLength = 0;
let hashLength = 0;
let contentLength = 0;
let bodyStart = 0;
let leadEnd = 0;
const capitals: number[] = [];
const touched: number[] = [];
let termMarks = new Int32Array(1 << 14);
// The distinct ids and their weights, returned as views.
let idScratch = new Int32Array(1 << 10);
let tfScratch = new Float64Array(1 << 10);
let fieldScratch = new Uint8Array(1 << 10);
// Words capitalised mid-sentence, by word index.
let midCaps = new Uint8Array(1 << 14);
const span = createHashedWordSpan();

const IN_TITLE = 1 << 29;
const IN_LEAD = 1 << 30;
const COUNT_MASK = IN_TITLE - 1;
// Math.log of the small body counts that nearly every term has: one table read instead of a log call per
// term. The same doubles Math.log returns, so the weights do not change.
const LOG_TABLE = Float64Array.from({ length: 64 }, (_, n) => Math.log(n));

/** Room for `extra` more tokens in the per-token scratch arrays. */
function reserveTokens(extra: number): void {
  const needed = scanLength + extra;
  if (needed <= scanTokens.length) return;
  const size = Math.max(scanTokens.length * 2, needed);
  scanTokens = grown(scanTokens, new Int32Array(size));
  scanFlags = grown(scanFlags, new Uint8Array(size));
  scanHashes = grown(scanHashes, new Uint32Array(size));
  scanContent = grown(scanContent, new Uint32Array(size));
}

function grown<T extends Int32Array | Uint32Array | Uint8Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

/** Grow the per-term and per-word scratch arrays to hold ids below the given limits. */
function ensureScratch(idLimit: number, wordLimit: number): void {
  if (idLimit > termMarks.length) termMarks = grown(termMarks, new Int32Array(Math.max(termMarks.length * 2, idLimit)));
  if (wordLimit > midCaps.length) midCaps = grown(midCaps, new Uint8Array(Math.max(midCaps.length * 2, wordLimit)));
}

/**
 * Tokens of the line text[from, to) with their flags, counted as terms on the way (this is the hot loop of
 * the whole pipeline: one pass, each token's lexicon entry read once). Lines are read in place in the article
 * text: a flat string reads faster than the substring views split() returns. A line whose longer words are
 * mostly capitalised is a headline or heading: its capitals mark no names.
 */
function scanLine(text: string, from: number, to: number, lexicon: Lexicon, inTitle: boolean): void {
  // A line of n characters holds fewer than n + 1 tokens: no capacity checks per token.
  reserveTokens(to - from + 1);
  const tokens = scanTokens;
  const tokenFlags = scanFlags;
  const hashes = scanHashes;
  const content = scanContent;
  let marks = termMarks;
  let info = lexicon.tokenInfo;
  const first = scanLength;
  let length = scanLength;
  let longWords = 0;
  let longCapitals = 0;
  for (let at = from; nextHashedWord(text, at, to, span); at = span.end) {
    const { start, end } = span;
    let token = lexicon.knownToken(text, start, end, span.hash);
    if (token < 0) {
      // First sight of this spelling: the lexicon's tables, and maybe its term ids, have grown.
      token = lexicon.tokenAtHashed(text, start, end, span.hash);
      info = lexicon.tokenInfo;
      ensureScratch(lexicon.idLimit, 0);
      marks = termMarks;
    }
    let flags = 0;
    const c = text.charCodeAt(start);
    // Upper-case first letter: ASCII fast path, else compare with the lower-cased letter.
    const upper = c < 128 ? c >= 65 && c <= 90 : text[start] !== text[start]!.toLowerCase();
    if (upper) {
      if (end - start >= 4) longCapitals += 1;
      if (info[4 * token + TOKEN_CAPITAL] === 1) {
        flags = FLAG_CAPITAL;
        capitals.push(length);
      }
      if (atSentenceStart(text, start, from)) flags |= FLAG_START;
    }
    if (end - start >= 4) longWords += 1;
    tokens[length] = token;
    tokenFlags[length] = flags;
    const id = info[4 * token + TOKEN_TERM]!;
    if (!inTitle) hashes[hashLength++] = info[4 * token + TOKEN_HASH]!;
    if (id >= 0) {
      if (!inTitle) content[contentLength++] = id;
      const mark = marks[id]!;
      if (mark === 0) touched.push(id);
      marks[id] = inTitle ? mark | IN_TITLE : (mark + 1) | (length < leadEnd ? IN_LEAD : 0);
    }
    length += 1;
  }
  scanLength = length;
  if (longWords >= 2 && longCapitals / longWords >= 0.6) {
    for (let i = first; i < length; i += 1) tokenFlags[i]! |= FLAG_START;
  }
}

/** Scan each distinct non-empty line of `text` (trimmed, first occurrence only), in order. */
function scanUniqueLines(text: string, lexicon: Lexicon): void {
  // Line bounds found in place (no split() array of substrings, no trim() copies); only a line that is
  // scanned becomes a substring, as the key that spots its repeats.
  const seen = new Set<string>();
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isTrimmed(text.charCodeAt(start))) start += 1;
    while (end > start && isTrimmed(text.charCodeAt(end - 1))) end -= 1;
    if (start < end) {
      const line = text.slice(start, end);
      if (!seen.has(line)) {
        seen.add(line);
        scanLine(text, start, end, lexicon, false);
      }
    }
    lineStart = lineEnd + 1;
  }
}

// What String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator code points.
const TRIMMED = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

function isTrimmed(code: number): boolean {
  return code === 32 || (code < 128 ? code >= 9 && code <= 13 : TRIMMED.has(code));
}

/**
 * Count the name features of the capitalised tokens: a word stands as a name where it is capitalised
 * mid-sentence, and also where it opens a sentence or sits in a headline if the body capitalises it
 * mid-sentence somewhere.
 */
function countNames(lexicon: Lexicon): void {
  ensureScratch(lexicon.idLimit + capitals.length, lexicon.wordLimit);
  const tokens = scanTokens;
  const tokenFlags = scanFlags;
  const marks = termMarks;
  const mids = midCaps;
  const info = lexicon.tokenInfo;
  const marked: number[] = [];
  for (const i of capitals) {
    if (i < bodyStart || tokenFlags[i] !== FLAG_CAPITAL) continue;
    const word = info[4 * tokens[i]! + TOKEN_WORD]!;
    if (mids[word] !== 1) {
      mids[word] = 1;
      marked.push(word);
    }
  }
  for (const i of capitals) {
    const token = tokens[i]!;
    const word = info[4 * token + TOKEN_WORD]!;
    if ((tokenFlags[i]! & FLAG_START) !== 0 && mids[word] !== 1) continue;
    const name = lexicon.nameOf(word, token);
    if (name < 0) continue;
    const mark = marks[name]!;
    if (mark === 0) touched.push(name);
    marks[name] = i < bodyStart ? mark | IN_TITLE : (mark + 1) | (i < leadEnd ? IN_LEAD : 0);
  }
  for (const word of marked) mids[word] = 0;
}

export function analyzeArticle(article: Article, weights: FieldWeights, lexicon: Lexicon): AnalyzedArticle {
  scanLength = 0;
  hashLength = 0;
  contentLength = 0;
  capitals.length = 0;
  touched.length = 0;
  bodyStart = 0;
  leadEnd = 0;
  scanLine(article.title, 0, article.title.length, lexicon, true);
  bodyStart = scanLength;
  leadEnd = bodyStart + weights.leadWords;
  scanUniqueLines(article.text, lexicon);
  countNames(lexicon);

  const marks = termMarks;
  if (idScratch.length < touched.length) {
    idScratch = new Int32Array(touched.length * 2);
    tfScratch = new Float64Array(touched.length * 2);
    fieldScratch = new Uint8Array(touched.length * 2);
  }
  const ids = idScratch.subarray(0, touched.length);
  for (let k = 0; k < ids.length; k += 1) ids[k] = touched[k]!;
  sortIds(ids);
  const tf = tfScratch.subarray(0, ids.length);
  const fields = fieldScratch.subarray(0, ids.length);
  for (let k = 0; k < ids.length; k += 1) {
    const id = ids[k]!;
    const bits = marks[id]!;
    const n = bits & COUNT_MASK;
    // Sublinear body frequency plus flat bonuses for title and lead: a word repeated ten times is not ten
    // times as telling, and a word in the headline is what the report is about.
    const value =
      (n > 0 ? 1 + weights.bodyLog * (n < LOG_TABLE.length ? LOG_TABLE[n]! : Math.log(n)) : 0) +
      ((bits & IN_TITLE) !== 0 ? weights.titleWeight : 0) +
      ((bits & IN_LEAD) !== 0 ? weights.leadWeight : 0);
    tf[k] = lexicon.isName(id) ? value * weights.nameWeight : value;
    fields[k] = ((bits & IN_TITLE) !== 0 ? FIELD_TITLE : 0) | ((bits & IN_LEAD) !== 0 ? FIELD_LEAD : 0);
    marks[id] = 0;
  }
  return { ids, tf, fields, wordHashes: scanHashes.subarray(0, hashLength), contentIds: scanContent.subarray(0, contentLength) };
}
