// Deterministic word lists for the dedupe tests: the same seed always gives the same words.

const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(' ');

/** A deterministic pseudo-random text of `n` words. */
export function text(n: number, seed: number): string[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return `${WORDS[x % WORDS.length]}${(x >>> 8) % 50}`;
  });
}
