import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, normalizePunctuation, QUOTES } from '../../src/text/normalize.ts';

// The plain forms, without the shortcuts for ASCII text and lines with single spaces only.
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
