import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/cluster/span-table.ts';

describe('SpanTable', () => {
  it('gives every distinct span one id, in order of first sight, like a Map of substrings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '\u{1f600}', ' '), maxLength: 6 }), { maxLength: 400 }), (parts) => {
        const text = parts.join('|');
        const table = new SpanTable();
        const map = new Map<string, number>();
        let at = 0;
        for (const part of parts) {
          const start = at;
          const end = at + part.length;
          at = end + 1;
          let id = table.find(text, start, end);
          if (id < 0) id = table.add(text, start, end);
          if (!map.has(part)) map.set(part, map.size);
          expect(id).toBe(map.get(part));
        }
        expect(table.size).toBe(map.size);
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its initial capacity', () => {
    const table = new SpanTable();
    const text = Array.from({ length: 70_000 }, (_, i) => i.toString(36)).join(' ');
    const words = text.split(' ');
    let at = 0;
    for (const [i, word] of words.entries()) {
      expect(table.find(text, at, at + word.length)).toBe(-1);
      expect(table.add(text, at, at + word.length)).toBe(i);
      at += word.length + 1;
    }
    at = 0;
    for (const [i, word] of words.entries()) {
      expect(table.find(text, at, at + word.length)).toBe(i);
      at += word.length + 1;
    }
  });
});
