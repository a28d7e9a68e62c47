// One pass over an article's words: content terms by field (title, lead, body), names, and the word sequence
// for the rewrite fingerprint. Robust to leftover boilerplate: repeated lines count once, and title-cased
// lines (headings, "Leave A Reply") are read like sentence starts, so they do not invent names.
import type { Article } from '../domain/article.ts';
import { atSentenceStart, looksLikeName, nameKey } from '../text/names.ts';
import { isStopword, stem } from '../text/tokens.ts';

export interface TermFields {
  /** Occurrences in the body. */
  body: number;
  inTitle: boolean;
  inLead: boolean;
  /** The first word seen for this term (stems and name keys are not readable). */
  surface: string;
}

export interface AnalyzedArticle {
  /** Stemmed content terms, and name keys prefixed with NAME_PREFIX. */
  readonly terms: Map<string, TermFields>;
  /** Lower-cased body words, stopwords included, in order: input of the shingle fingerprint. */
  readonly words: string[];
  /** Stemmed body content terms in order: input of the paraphrase fingerprint. */
  readonly contentTerms: string[];
}

export const NAME_PREFIX = '#';
export const PHRASE_PREFIX = '~';

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const FLAG_CAPITAL = 1;
const FLAG_START = 2;

interface Scan {
  lowers: string[];
  raws: string[];
  flags: number[];
}

function scanLine(line: string, scan: Scan, headingLike: boolean): void {
  for (const match of line.matchAll(WORD)) {
    const raw = match[0];
    const lower = raw.toLowerCase();
    let flags = 0;
    if (looksLikeName(raw, lower, false)) flags |= FLAG_CAPITAL;
    if (headingLike || atSentenceStart(line, match.index)) flags |= FLAG_START;
    scan.lowers.push(lower.replace(/['\u2019]s$/u, '').replace(/\u2019/gu, "'"));
    scan.raws.push(raw);
    scan.flags.push(flags);
  }
}

/** Most words capitalised: a headline or heading, where capitals do not mark names. */
function isTitleCased(line: string): boolean {
  let words = 0;
  let capitals = 0;
  for (const match of line.matchAll(WORD)) {
    const raw = match[0];
    if (raw.length < 4) continue;
    words += 1;
    if (raw[0] !== raw[0]!.toLowerCase()) capitals += 1;
  }
  return words >= 2 && capitals / words >= 0.6;
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

export function analyzeArticle(article: Article, leadWords: number, phrases = false): AnalyzedArticle {
  const title: Scan = { lowers: [], raws: [], flags: [] };
  scanLine(article.title, title, isTitleCased(article.title));
  const body: Scan = { lowers: [], raws: [], flags: [] };
  for (const line of uniqueLines(article.text)) scanLine(line, body, isTitleCased(line));

  // Names capitalised somewhere mid-sentence also count where they open a sentence or sit in a headline.
  const midCaps = new Set<string>();
  for (let i = 0; i < body.lowers.length; i += 1) {
    if (body.flags[i] === FLAG_CAPITAL) midCaps.add(body.lowers[i]!);
  }
  const terms = new Map<string, TermFields>();
  const contentTerms: string[] = [];
  const visit = (scan: Scan, field: 'title' | 'body'): void => {
    for (let i = 0; i < scan.lowers.length; i += 1) {
      const lower = scan.lowers[i]!;
      const flags = scan.flags[i]!;
      const inLead = field === 'body' && i < leadWords;
      if (lower.length >= 2 && !isStopword(lower)) {
        const term = stem(lower);
        count(terms, term, field, inLead, lower);
        if (field === 'body') contentTerms.push(term);
      }
      const isName = (flags & FLAG_CAPITAL) !== 0 && ((flags & FLAG_START) === 0 || midCaps.has(lower));
      if (!isName) continue;
      const key = nameKey(lower);
      if (key.length < 2) continue;
      count(terms, NAME_PREFIX + key, field, inLead, scan.raws[i]!.replace(/['\u2019]s$/u, ''));
    }
  };
  visit(title, 'title');
  visit(body, 'body');
  if (phrases) {
    for (let i = 1; i < contentTerms.length; i += 1) {
      count(terms, `${PHRASE_PREFIX}${contentTerms[i - 1]} ${contentTerms[i]}`, 'body', false, `${contentTerms[i - 1]} ${contentTerms[i]}`);
    }
  }
  return { terms, words: body.lowers, contentTerms };
}

function count(
  terms: Map<string, TermFields>,
  term: string,
  field: 'title' | 'body',
  inLead: boolean,
  surface: string,
): void {
  let fields = terms.get(term);
  if (fields === undefined) {
    fields = { body: 0, inTitle: false, inLead: false, surface };
    terms.set(term, fields);
  }
  if (field === 'title') fields.inTitle = true;
  else fields.body += 1;
  if (inLead) fields.inLead = true;
}
