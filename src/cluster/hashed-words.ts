// The word scanner of text/word-scanner.ts, plus the span-table hash of each word computed on the way. The
// engine looks every word up in its span table; hashing while scanning reads each character once instead of
// twice. Tokens are exactly nextWord's: only plain ASCII words take the fast path, anything else (a non-ASCII
// character, an apostrophe) goes through nextWord and is hashed afterwards.
import { letterOrDigitAt, nextWord, type WordSpan } from '../text/word-scanner.ts';
import { FNV_OFFSET, fnvStep } from '../text/fnv.ts';
import { finishSpanHash, hashSpan } from './span-table.ts';

export interface HashedWordSpan extends WordSpan {
  /** span-table.ts hashSpan of text[start, end). */
  hash: number;
}

export function createHashedWordSpan(): HashedWordSpan {
  return { start: 0, end: 0, apostrophe: false, hash: 0 };
}

// 1 for the ASCII letters and digits (the ASCII part of [\p{L}\p{N}]).
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => letterOrDigitAt(String.fromCharCode(c), 0));
const APOSTROPHE = 39;

/** nextWord(text, from, to, span), and span.hash. */
export function nextHashedWord(text: string, from: number, to: number, span: HashedWordSpan): boolean {
  let i = from;
  let code = 0;
  for (; i < to; i += 1) {
    code = text.charCodeAt(i);
    if (code >= 128 || ASCII_WORD[code] === 1) break;
  }
  if (i >= to) return false;
  const start = i;
  let h = FNV_OFFSET;
  for (; i < to; i += 1) {
    code = text.charCodeAt(i);
    if (code >= 128 || ASCII_WORD[code] === 0) break;
    h = fnvStep(h, code);
  }
  // A non-ASCII start or stop, or an apostrophe that may join a letter run: the general scanner decides.
  if (i === start || (i < to && (code >= 128 || code === APOSTROPHE))) {
    // A non-ASCII start may be no letter at all, and no word may follow it.
    if (!nextWord(text, start, to, span)) return false;
    span.hash = hashSpan(text, span.start, span.end);
    return true;
  }
  span.start = start;
  span.end = i;
  span.apostrophe = false;
  span.hash = finishSpanHash(h);
  return true;
}
