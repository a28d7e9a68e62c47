// Names (people, places, organisations) without a tagger: capitalised words inside a sentence, acronyms,
// and sentence-initial words the same text also capitalises mid-sentence. Plus a spelling-variant key, so
// transliterations of one name (Kiev/Kyiv, Zelensky/Zelenskyy, Kharkov/Kharkiv, Odessa/Odesa) compare equal.
import { isStopword } from './tokens.ts';

// Capitalised mid-sentence but not names: calendar words and honorifics carry no event identity.
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mr', 'mrs', 'ms',
  'dr', 'i', 'read', 'share', 'comments', 'advertisement', 'photo', 'image', 'video', 'getty', 'images',
]);

const DIACRITICS = /[\u0300-\u036f]/g;

/**
 * A spelling-variant key for one name word: diacritics folded, double letters collapsed and every vowel run
 * (y included) reduced to one marker. Transliteration schemes mostly differ in vowels (Kiev/Kyiv,
 * Kharkov/Kharkiv) and doubled consonants (Odessa/Odesa), rarely in the consonant skeleton.
 */
export function nameKey(word: string): string {
  const folded = word.normalize('NFD').replace(DIACRITICS, '').toLowerCase();
  let out = '';
  let previous = '';
  for (const char of folded) {
    const isVowel = 'aeiouy'.includes(char);
    const mapped = isVowel ? '*' : char;
    if (mapped === previous) continue;
    if (!/[\p{L}\p{N}*]/u.test(mapped)) continue;
    out += mapped;
    previous = mapped;
  }
  return out;
}

/** True for a token that looks like part of a name where it stands (capital letter, not sentence-initial). */
export function looksLikeName(raw: string, lower: string, sentenceStart: boolean): boolean {
  if (raw.length < 2 || NOT_NAMES.has(lower)) return false;
  const first = raw[0]!;
  if (first === first.toLowerCase()) return false;
  // Acronyms (NATO, US, FBI) are names even when their lower-case form is a stopword ("US" / "us").
  if (raw === raw.toUpperCase() && /\p{L}/u.test(raw)) return raw.length >= 2;
  if (isStopword(lower)) return false;
  return !sentenceStart;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/**
 * True when the character before `index` ends a sentence or a line (or nothing precedes it at or after
 * `from`, where the line being read starts).
 */
export function atSentenceStart(text: string, index: number, from = 0): boolean {
  for (let i = index - 1; i >= from; i -= 1) {
    const c = text.charCodeAt(i);
    // space, tab, quotes and opening brackets do not decide; look further back
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018) {
      continue;
    }
    // newline, . ! ? : and bullet-like dashes start a sentence
    return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2022;
  }
  return true;
}

/**
 * Names in order of first appearance, as written ("Mark Rutte", "NATO"): runs of name-like words.
 * Sentence-initial words count when the text capitalises them elsewhere mid-sentence.
 */
export function extractNames(text: string): string[] {
  const tokens: { raw: string; lower: string; start: boolean; index: number }[] = [];
  const midCaps = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const lower = raw.toLowerCase();
    const start = atSentenceStart(text, match.index);
    tokens.push({ raw, lower, start, index: match.index });
    if (looksLikeName(raw, lower, start)) midCaps.add(lower);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  let run: string[] = [];
  let lastEnd = -1;
  const flush = (): void => {
    const name = run.join(' ');
    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
    run = [];
  };
  for (const token of tokens) {
    const isName = looksLikeName(token.raw, token.lower, false) && (!token.start || midCaps.has(token.lower));
    // A run continues only across a single space: "Mark Rutte" is one name, "Rutte, Trump" two.
    const adjacent = lastEnd >= 0 && text.slice(lastEnd, token.index) === ' ';
    if (!isName || !adjacent || token.start) flush();
    if (isName) run.push(token.raw);
    lastEnd = token.index + token.raw.length;
  }
  flush();
  return out;
}
