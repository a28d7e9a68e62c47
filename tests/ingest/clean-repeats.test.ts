import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropRepeatedParagraphs } from '../../src/ingest/clean.ts';
import { splitSentences } from '../../src/text/sentences.ts';

// The rule written plainly (every key built up front), to check the signature shortcut against.
function plainKey(paragraph: string): string {
  return paragraph.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
function plainDrop(paragraphs: readonly string[]): string[] {
  const keys = paragraphs.map(plainKey);
  const seen = new Set<string>();
  const out: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    const key = keys[index]!;
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    if (/(?:\.\.\.|\[\.\.\.\])$/.test(paragraph)) {
      const sentences = splitSentences(paragraph.replace(/\s*\[?\.\.\.\]?$/, ''));
      const tail = plainKey(sentences[sentences.length - 1] ?? '');
      if (tail.split(' ').length >= 5 && keys.some((k, other) => other !== index && k.includes(tail))) return;
    }
    out.push(paragraph);
  });
  return out;
}

const WORDS = ['Kyiv', 'kyiv', 'NATO', 'İstanbul', 'déjà', 'vu', '2024', '\u{1d400}x', 'a', 'b', 'said', 'the', 'peace', 'talks'];
const GLUE = [' ', '  ', ', ', '. ', '-', '...', "'", '\u2019', ' \u{1f600} ', '\u0301'];

describe('dropRepeatedParagraphs', () => {
  it('keeps and drops exactly what comparing every normalized key would', () => {
    const paragraph = fc
      .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { maxLength: 12 })
      .map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 8 }), (ps) => {
        // Repeats and near repeats (same words, other punctuation or case) are the interesting cases.
        const input = [...ps, ...ps.slice(0, 2).map((p) => p.toUpperCase()), ...ps.slice(0, 1).map((p) => `${p}...`)];
        expect(dropRepeatedParagraphs(input)).toEqual(plainDrop(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart long paragraphs that open alike (signatures cover only the opening words)', () => {
    const opening = 'The central bank raised rates by half a point on Thursday to fight inflation, and said';
    const paragraph = fc
      .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 6 })
      .map((parts) => `${opening} ${parts.map(([w, g]) => w + g).join('')}`);
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 6 }), (ps) => {
        const input = [...ps, ...ps.slice(0, 2).map((p) => p.toUpperCase()), ...ps.slice(0, 1).map((p) => `${p}...`)];
        expect(dropRepeatedParagraphs(input)).toEqual(plainDrop(input));
      }),
      { numRuns: 500 },
    );
  });
});
