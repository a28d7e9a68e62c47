import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWordSpan, nextWord, WORD_PATTERN } from '../../src/text/word-scanner.ts';
import { words } from '../../src/text/tokens.ts';

function scanned(text: string): string[] {
  const out: string[] = [];
  const span = createWordSpan();
  for (let at = 0; nextWord(text, at, text.length, span); at = span.end) {
    out.push(text.slice(span.start, span.end));
    expect(span.apostrophe).toBe(/['\u2019]/.test(text.slice(span.start, span.end)));
  }
  return out;
}

const byRegex = (text: string): string[] => [...text.matchAll(WORD_PATTERN)].map((m) => m[0]);

// Letters, digits and separators from several scripts, apostrophes, combining marks, astral letters and
// digits, emoji and lone surrogates: every branch of the character classes.
const PIECES = [
  'a', 'Z', 'q', '0', '7', ' ', '\n', '.', ',', '-', "'", '\u2019', '"', 'é', 'ß', 'İ', 'Ж', 'ж', '中', 'ﬁ',
  '\u0663', '\u00bd', '\u00b2', '\u0301', '\u00a0', '\u{1d400}', '\u{1d7d8}', '\u{1f600}', '\ud800', '\udc00',
  's', "'s", '\u2019s', 'don', 't',
];

describe('nextWord', () => {
  it('finds the same tokens as the word pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(scanned(text)).toEqual(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles possessives, contractions and trailing apostrophes', () => {
    const text = "Kyiv's mayor didn't say 'yes' to O\u2019Neill's 2024 plan' rock'n'roll 4'x";
    expect(scanned(text)).toEqual(byRegex(text));
    expect(words(text)).toEqual(['kyiv', 'mayor', "didn't", 'say', 'yes', 'to', "o'neill", '2024', 'plan', "rock'n'roll", "4'x"]);
  });

  it('never runs past the end it is given', () => {
    const span = createWordSpan();
    expect(nextWord('abc def', 0, 2, span)).toBe(true);
    expect([span.start, span.end]).toEqual([0, 2]);
    expect(nextWord("it's", 0, 3, span)).toBe(true);
    expect([span.start, span.end]).toEqual([0, 2]);
    expect(nextWord('abc def', 3, 4, span)).toBe(false);
  });
});
