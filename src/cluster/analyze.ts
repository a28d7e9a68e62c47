// One pass over an article's words: content terms by field (title, lead, body), names, and the word sequence
// for the rewrite fingerprints. Robust to leftover boilerplate: repeated lines count once, and title-cased
// lines (headings, "Leave A Reply") are read like sentence starts, so they do not invent names.
import type { Article } from '../domain/article.ts';
import { atSentenceStart } from '../text/names.ts';
import type { Lexicon } from './lexicon.ts';

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

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const FLAG_CAPITAL = 1;
const FLAG_START = 2;

interface Scan {
  words: number[];
  raws: string[];
  flags: number[];
}

const newScan = (): Scan => ({ words: [], raws: [], flags: [] });

/**
 * Tokens of one line with their flags, in one regex pass (this is the hot loop of the whole pipeline).
 * A line whose longer words are mostly capitalised is a headline or heading: its capitals mark no names.
 */
function scanLine(line: string, scan: Scan, isTitle: boolean, lexicon: Lexicon): void {
  const first = scan.words.length;
  let longWords = 0;
  let longCapitals = 0;
  for (const match of line.matchAll(WORD)) {
    const raw = match[0];
    const token = lexicon.token(raw);
    let flags = 0;
    const c = raw.charCodeAt(0);
    // Upper-case first letter: ASCII fast path, else compare with the lower-cased letter.
    const upper = c < 128 ? c >= 65 && c <= 90 : raw[0] !== raw[0]!.toLowerCase();
    if (upper) {
      if (raw.length >= 4) longCapitals += 1;
      if (lexicon.capitalized(token)) flags |= FLAG_CAPITAL;
      if (atSentenceStart(line, match.index)) flags |= FLAG_START;
    }
    if (raw.length >= 4) longWords += 1;
    scan.words.push(lexicon.wordOf(token));
    scan.raws.push(raw);
    scan.flags.push(flags);
  }
  if (isTitle || (longWords >= 2 && longCapitals / longWords >= 0.6)) {
    for (let i = first; i < scan.flags.length; i += 1) scan.flags[i]! |= FLAG_START;
  }
}

function uniqueLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

function stripPossessive(raw: string): string {
  const n = raw.length;
  const c = raw.charCodeAt(n - 2);
  return n > 2 && (raw.charCodeAt(n - 1) | 32) === 115 && (c === 39 || c === 0x2019) ? raw.slice(0, n - 2) : raw;
}

// Scratch counts by term id, reused across articles (reset through `touched`): no Map per article.
let bodyCounts = new Float64Array(1 << 14);
let fieldBits = new Uint8Array(1 << 14);
const IN_TITLE = 1;
const IN_LEAD = 2;

function ensureScratch(id: number): void {
  if (id < bodyCounts.length) return;
  const size = Math.max(bodyCounts.length * 2, id + 1);
  const counts = new Float64Array(size);
  counts.set(bodyCounts);
  bodyCounts = counts;
  const bits = new Uint8Array(size);
  bits.set(fieldBits);
  fieldBits = bits;
}

export function analyzeArticle(article: Article, weights: FieldWeights, lexicon: Lexicon): AnalyzedArticle {
  const title = newScan();
  scanLine(article.title, title, false, lexicon);
  const body = newScan();
  for (const line of uniqueLines(article.text)) scanLine(line, body, false, lexicon);

  // Names capitalised somewhere mid-sentence also count where they open a sentence or sit in a headline.
  const midCaps = new Set<number>();
  for (let i = 0; i < body.words.length; i += 1) {
    if (body.flags[i] === FLAG_CAPITAL) midCaps.add(body.words[i]!);
  }
  const touched: number[] = [];
  const contentIds: number[] = [];
  const count = (id: number, inTitle: boolean, inLead: boolean): void => {
    ensureScratch(id);
    if (bodyCounts[id] === 0 && fieldBits[id] === 0) touched.push(id);
    if (inTitle) fieldBits[id]! |= IN_TITLE;
    else bodyCounts[id]! += 1;
    if (inLead) fieldBits[id]! |= IN_LEAD;
  };
  const visit = (scan: Scan, inTitle: boolean): void => {
    for (let i = 0; i < scan.words.length; i += 1) {
      const word = scan.words[i]!;
      const flags = scan.flags[i]!;
      const inLead = !inTitle && i < weights.leadWords;
      const term = lexicon.termOf(word);
      if (term >= 0) {
        count(term, inTitle, inLead);
        if (!inTitle) contentIds.push(term);
      }
      if ((flags & FLAG_CAPITAL) === 0 || ((flags & FLAG_START) !== 0 && !midCaps.has(word))) continue;
      const name = lexicon.nameOf(lexicon.lowerOf(word), stripPossessive(scan.raws[i]!));
      if (name >= 0) count(name, inTitle, inLead);
    }
  };
  visit(title, true);
  visit(body, false);

  const ids = Int32Array.from(touched).sort();
  const tf = new Float64Array(ids.length);
  for (let k = 0; k < ids.length; k += 1) {
    const id = ids[k]!;
    const n = bodyCounts[id]!;
    const bits = fieldBits[id]!;
    // Sublinear body frequency plus flat bonuses for title and lead: a word repeated ten times is not ten
    // times as telling, and a word in the headline is what the report is about.
    const value =
      (n > 0 ? 1 + weights.bodyLog * Math.log(n) : 0) +
      ((bits & IN_TITLE) !== 0 ? weights.titleWeight : 0) +
      ((bits & IN_LEAD) !== 0 ? weights.leadWeight : 0);
    tf[k] = lexicon.isName(id) ? value * weights.nameWeight : value;
    bodyCounts[id] = 0;
    fieldBits[id] = 0;
  }
  // Plain loops: TypedArray.from with a mapping function is several times slower in V8.
  const wordHashes = new Uint32Array(body.words.length);
  for (let i = 0; i < wordHashes.length; i += 1) wordHashes[i] = lexicon.hashOf(body.words[i]!);
  const content = new Uint32Array(contentIds.length);
  for (let i = 0; i < content.length; i += 1) content[i] = contentIds[i]!;
  return { ids, tf, wordHashes, contentIds: content };
}
