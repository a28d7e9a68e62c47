// Word boundaries by character codes: exactly the tokens of WORD_PATTERN, found without a regex match
// object and a substring per token. Tokenizing is the hot loop of dedupe and clustering (every word of
// every article), and callers that look words up in their own tables need only the span.

/** The token definition: letters and digits, plus letter runs after an apostrophe ("don't", "o'neill"). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Start and end (exclusive) of the last word found by `nextWord`; `apostrophe` when it contains one. */
export interface WordSpan {
  start: number;
  end: number;
  apostrophe: boolean;
}

export function createWordSpan(): WordSpan {
  return { start: 0, end: 0, apostrophe: false };
}

const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
const LETTER_TEST = /^\p{L}$/u;
const NUMBER_TEST = /^\p{N}$/u;

// Class of each UTF-16 code unit, filled on first sight (0 = not yet known). Surrogates stay OTHER here:
// a pair is classified as one code point by `classAt`, a lone surrogate is no word character (as in /u).
const UNIT_CLASS = new Uint8Array(0x10000);

function classify(char: string): number {
  if (LETTER_TEST.test(char)) return LETTER;
  return NUMBER_TEST.test(char) ? DIGIT : OTHER;
}

for (let c = 0; c < 128; c += 1) UNIT_CLASS[c] = classify(String.fromCharCode(c));

function unitClass(code: number): number {
  let kind = UNIT_CLASS[code]!;
  if (kind === 0) {
    kind = code >= 0xd800 && code <= 0xdfff ? OTHER : classify(String.fromCharCode(code));
    UNIT_CLASS[code] = kind;
  }
  return kind;
}

/** Class of the character at `i` and its length in code units (2 for a surrogate pair), as class * 4 + length. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return unitClass(code) * 4 + 1;
  const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (low < 0xdc00 || low > 0xdfff) return OTHER * 4 + 1;
  return classify(String.fromCodePoint(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) * 4 + 2;
}

/** Length in code units (1, or 2 for a surrogate pair) of the letter or digit at `i`, or 0 for anything else. */
export function letterOrDigitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return UNIT_CLASS[code]! === OTHER ? 0 : 1;
  const found = classAt(text, i);
  return found >> 2 === OTHER ? 0 : found & 3;
}

const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

/**
 * Find the first word starting at or after `from` and before `to`; fill `span` and return true, or return
 * false when there is none. Words never extend past `to`.
 */
export function nextWord(text: string, from: number, to: number, span: WordSpan): boolean {
  let i = from;
  // Skip to the first letter or digit.
  for (;;) {
    if (i >= to) return false;
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (UNIT_CLASS[code]! !== OTHER) break;
      i += 1;
      continue;
    }
    const found = classAt(text, i);
    if (found >> 2 !== OTHER) break;
    i += found & 3;
  }
  const start = i;
  let apostrophe = false;
  // [\p{L}\p{N}]+
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (UNIT_CLASS[code]! === OTHER) break;
      i += 1;
      continue;
    }
    const found = classAt(text, i);
    if (found >> 2 === OTHER || i + (found & 3) > to) break;
    i += found & 3;
  }
  // (?:['\u2019]\p{L}+)*: an apostrophe joins only when a letter follows it.
  while (i + 1 < to && isApostrophe(text.charCodeAt(i))) {
    let j = i + 1;
    while (j < to) {
      const found = classAt(text, j);
      if (found >> 2 !== LETTER || j + (found & 3) > to) break;
      j += found & 3;
    }
    if (j === i + 1) break;
    apostrophe = true;
    i = j;
  }
  span.start = start;
  span.end = i;
  span.apostrophe = apostrophe;
  return true;
}
