import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, normalizePunctuation } from '../../src/text/normalize.ts';

// The plain forms, without the shortcuts for ASCII text and lines with single spaces only.
const QUOTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2013\u2014\u2212]/g, ' - '],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
];
const plainNormalize = (text: string): string => QUOTES.reduce((out, [p, r]) => out.replace(p, r), text.normalize('NFKC'));
const plainCollapse = (line: string): string => line.replace(/[ \t\f\v]+/g, ' ').replace(/ - +/g, ' - ').trim();

const PIECES = ['a', 'B', ' ', '  ', '\t', '\f', '\v', '-', ' - ', '`', "'", '\u2019', '\u2014', '\u00a0', '\u2026', 'ﬁ', 'é', '\n', '.'];

describe('normalize', () => {
  it('normalizePunctuation and collapseSpaces match their plain forms', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(normalizePunctuation(text)).toBe(plainNormalize(text));
        expect(collapseSpaces(text)).toBe(plainCollapse(text));
      }),
      { numRuns: 3000 },
    );
  });
});
