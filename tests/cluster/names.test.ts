import { describe, expect, it } from 'vitest';
import { extractNames, nameKey } from '../../src/text/names.ts';

describe('name variant keys', () => {
  it('gives transliteration variants one key', () => {
    expect(nameKey('Kiev')).toBe(nameKey('Kyiv'));
    expect(nameKey('Zelensky')).toBe(nameKey('Zelenskyy'));
    expect(nameKey('Kharkov')).toBe(nameKey('Kharkiv'));
    expect(nameKey('Odessa')).toBe(nameKey('Odesa'));
    expect(nameKey('Müller')).toBe(nameKey('Muller'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Kiev')).not.toBe(nameKey('Minsk'));
    expect(nameKey('Rutte')).not.toBe(nameKey('Trump'));
  });
});

describe('extractNames', () => {
  it('finds multi-word names and acronyms, not sentence-initial words', () => {
    const names = extractNames(
      'Speaking on Friday, NATO Secretary General Mark Rutte met Donald Trump. Rutte said the US would help.',
    );
    expect(names).toEqual(expect.arrayContaining(['NATO Secretary General Mark Rutte', 'Donald Trump', 'Rutte', 'US']));
    expect(names).not.toContain('Speaking');
    expect(names).not.toContain('Friday');
  });
});
