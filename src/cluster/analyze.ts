// One pass over an article's words: content terms by field (title, lead, body), names, and the word sequence
// for the rewrite fingerprints. Robust to leftover boilerplate: repeated lines count once, and title-cased
// lines (headings, "Leave A Reply") are read like sentence starts, so they do not invent names.
import type { Article } from '../domain/article.ts';
import { atSentenceStart } from '../text/names.ts';
import { createHashedWordSpan, nextHashedWord } from './hashed-words.ts';
import { TOKEN_HASH, TOKEN_TERM, TOKEN_WORD, type Lexicon } from './lexicon.ts';
import { sortIds } from './sparse.ts';

export interface AnalyzedArticle {
  /** Distinct term ids (stemmed content words and name features), ascending. */
  readonly ids: Int32Array;
  /** Weighted frequency of each id: sublinear body count plus title and lead bonuses, names boosted. */
  readonly tf: Float64Array;
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

const FLAG_CAPITAL = 1;
const FLAG_START = 2;

// Scratch buffers reused across articles (one article is analyzed at a time): tokens of the title and body
// in order with their flags, then per-word and per-term marks reset through the lists that set them.
let scanTokens = new Int32Array(1 << 12);
let scanFlags = new Uint8Array(1 << 12);
let scanLength = 0;
const span = createHashedWordSpan();

function pushToken(token: number, flags: number): void {
  if (scanLength === scanTokens.length) {
    const tokens = new Int32Array(scanLength * 2);
    tokens.set(scanTokens);
    scanTokens = tokens;
    const bits = new Uint8Array(scanLength * 2);
    bits.set(scanFlags);
    scanFlags = bits;
  }
  scanTokens[scanLength] = token;
  scanFlags[scanLength] = flags;
  scanLength += 1;
}

/**
 * Tokens of the line text[from, to) with their flags (this is the hot loop of the whole pipeline). Lines are
 * read in place in the article text: a flat string reads faster than the substring views split() returns.
 * A line whose longer words are mostly capitalised is a headline or heading: its capitals mark no names.
 */
function scanLine(text: string, from: number, to: number, lexicon: Lexicon): void {
  const first = scanLength;
  let longWords = 0;
  let longCapitals = 0;
  for (let at = from; nextHashedWord(text, at, to, span); at = span.end) {
    const { start, end } = span;
    let token = lexicon.knownToken(text, start, end, span.hash);
    if (token < 0) token = lexicon.tokenAtHashed(text, start, end, span.hash);
    let flags = 0;
    const c = text.charCodeAt(start);
    // Upper-case first letter: ASCII fast path, else compare with the lower-cased letter.
    const upper = c < 128 ? c >= 65 && c <= 90 : text[start] !== text[start]!.toLowerCase();
    if (upper) {
      if (end - start >= 4) longCapitals += 1;
      if (lexicon.capitalized(token)) flags |= FLAG_CAPITAL;
      if (atSentenceStart(text, start, from)) flags |= FLAG_START;
    }
    if (end - start >= 4) longWords += 1;
    pushToken(token, flags);
  }
  if (longWords >= 2 && longCapitals / longWords >= 0.6) {
    for (let i = first; i < scanLength; i += 1) scanFlags[i]! |= FLAG_START;
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
        scanLine(text, start, end, lexicon);
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

// Per term id (no Map per article): the body count in the low bits and the title and lead marks above
// them, in one int32 so that counting a token touches one entry. Words capitalised mid-sentence by word index.
let termMarks = new Int32Array(1 << 14);
let midCaps = new Uint8Array(1 << 14);
let contentScratch = new Uint32Array(1 << 12);
const IN_TITLE = 1 << 29;
const IN_LEAD = 1 << 30;
const COUNT_MASK = IN_TITLE - 1;
// Math.log of the small body counts that nearly every term has: one table read instead of a log call per
// term. The same doubles Math.log returns, so the weights do not change.
const LOG_TABLE = Float64Array.from({ length: 64 }, (_, n) => Math.log(n));

/** Grow the per-term and per-word scratch arrays to hold ids below the given limits. */
function ensureScratch(idLimit: number, wordLimit: number): void {
  if (idLimit > termMarks.length) {
    const marks = new Int32Array(Math.max(termMarks.length * 2, idLimit));
    marks.set(termMarks);
    termMarks = marks;
  }
  if (wordLimit > midCaps.length) {
    const grown = new Uint8Array(Math.max(midCaps.length * 2, wordLimit));
    grown.set(midCaps);
    midCaps = grown;
  }
}

export function analyzeArticle(article: Article, weights: FieldWeights, lexicon: Lexicon): AnalyzedArticle {
  scanLength = 0;
  scanLine(article.title, 0, article.title.length, lexicon);
  const bodyStart = scanLength;
  scanUniqueLines(article.text, lexicon);
  const bodyLength = scanLength - bodyStart;

  // Sized up front (a token adds at most one new name id below), so the loops work on local references:
  // V8 then keeps the arrays in registers instead of reloading module variables at every access.
  ensureScratch(lexicon.idLimit + scanLength, lexicon.wordLimit);
  if (contentScratch.length < bodyLength) contentScratch = new Uint32Array(bodyLength * 2);
  const tokens = scanTokens;
  const tokenFlags = scanFlags;
  const marks = termMarks;
  const mids = midCaps;
  const content = contentScratch;
  const info = lexicon.tokenInfo;

  // Names capitalised somewhere mid-sentence also count where they open a sentence or sit in a headline.
  const marked: number[] = [];
  for (let i = bodyStart; i < scanLength; i += 1) {
    if (tokenFlags[i] !== FLAG_CAPITAL) continue;
    const word = info[4 * tokens[i]! + TOKEN_WORD]!;
    if (mids[word] !== 1) {
      mids[word] = 1;
      marked.push(word);
    }
  }
  const touched: number[] = [];
  let contentLength = 0;
  const leadEnd = bodyStart + weights.leadWords;
  for (let i = 0; i < scanLength; i += 1) {
    const token = tokens[i]!;
    const flags = tokenFlags[i]!;
    const word = info[4 * token + TOKEN_WORD]!;
    const inTitle = i < bodyStart;
    const inLead = !inTitle && i < leadEnd;
    const id = info[4 * token + TOKEN_TERM]!;
    if (id >= 0) {
      if (!inTitle) content[contentLength++] = id;
      const mark = marks[id]!;
      if (mark === 0) touched.push(id);
      marks[id] = (inTitle ? mark | IN_TITLE : mark + 1) | (inLead ? IN_LEAD : 0);
    }
    // Then the word's name feature when it stands as a name here.
    if ((flags & FLAG_CAPITAL) === 0 || ((flags & FLAG_START) !== 0 && mids[word] !== 1)) continue;
    const name = lexicon.nameOf(word, token);
    if (name < 0) continue;
    const mark = marks[name]!;
    if (mark === 0) touched.push(name);
    marks[name] = (inTitle ? mark | IN_TITLE : mark + 1) | (inLead ? IN_LEAD : 0);
  }
  for (const word of marked) mids[word] = 0;

  const ids = new Int32Array(touched.length);
  for (let k = 0; k < ids.length; k += 1) ids[k] = touched[k]!;
  sortIds(ids);
  const tf = new Float64Array(ids.length);
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
    marks[id] = 0;
  }
  // Plain loops: TypedArray.from with a mapping function is several times slower in V8.
  const wordHashes = new Uint32Array(bodyLength);
  for (let i = 0; i < bodyLength; i += 1) wordHashes[i] = info[4 * tokens[bodyStart + i]! + TOKEN_HASH]!;
  return { ids, tf, wordHashes, contentIds: content.slice(0, contentLength) };
}
