import { describe, expect, it } from 'vitest';
import { createHashedWordSpan, nextHashedWord } from '../../src/cluster/hashed-words.ts';
import { hashSpan } from '../../src/cluster/span-table.ts';
import { nextWord } from '../../src/text/word-scanner.ts';

function scan(text: string, next: typeof nextHashedWord): string[] {
  const span = createHashedWordSpan();
  const out: string[] = [];
  for (let at = 0; next(text, at, text.length, span); at = span.end) {
    out.push(`${span.start}-${span.end}${span.apostrophe ? "'" : ''}`);
    if (next === nextHashedWord) expect(span.hash).toBe(hashSpan(text, span.start, span.end));
  }
  return out;
}

describe('nextHashedWord', () => {
  const texts = [
    'Plain ASCII words, 42 of them.',
    "Don't stop: O'Neill's rock\u2019n\u2019roll isn't 'quoted'",
    'Caf\u00e9 na\u00efve \u00fcber Zo\u00eb \u2014 \u201cquoted\u201d \u2014',
    'ends with a dash \u2014',
    '\u2014 \u2026 \u201c',
    'emoji \u{1F600} and \u{1D400}bold math letters',
    "trailing apostrophe' and x'",
    '',
  ];
  it('finds exactly the words nextWord finds, with their span-table hash', () => {
    for (const text of texts) {
      expect(scan(text, nextHashedWord)).toEqual(scan(text, (t, f, e, s) => nextWord(t, f, e, s)));
    }
  });
});
