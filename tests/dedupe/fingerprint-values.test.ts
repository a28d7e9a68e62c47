import { describe, expect, it } from 'vitest';
import { fingerprintWords } from '../../src/dedupe/fingerprint.ts';
import { createLshIndex, LSH_DEFAULTS } from '../../src/dedupe/lsh-index.ts';
import { SIGNATURE_BINS } from '../../src/dedupe/minhash.ts';
import { text } from './pseudo-text.ts';

// Fingerprints are stored and compared across runs, so their values are part of the contract: these pins
// were taken before the hashes moved to int32 arithmetic and must not change with any later speed-up.

/** An order-dependent checksum of a signature, to pin all of its bins in one number. */
function checksum(signature: Uint32Array): number {
  return signature.reduce((sum, value) => (sum * 31 + value) % 1e9, 0);
}

describe('fingerprint values', () => {
  it('keeps the exact key and both signatures of a full text', () => {
    const print = fingerprintWords(text(200, 5), text(100, 105));
    expect(print.exact).toBe('5k:1vasd34:193rc1o');
    expect(Array.from(print.signature.slice(0, 4))).toEqual([323684, 584843, 136561, 2732307]);
    expect(checksum(print.signature)).toBe(155975891);
    expect(Array.from(print.phrases.slice(0, 4))).toEqual([2426131, 1941812, 404117, 1966235]);
    expect(checksum(print.phrases)).toBe(426703046);
  });

  it('keeps the values of a short text, whose signatures are mostly densified', () => {
    const print = fingerprintWords(text(10, 2), text(5, 102));
    expect(print.exact).toBe('a:el6rqg:1wgo5fg');
    expect(checksum(print.signature)).toBe(279478795);
    expect(checksum(print.phrases)).toBe(81972356);
  });
});

describe('LSH buckets', () => {
  it('lists exactly the documents that share a band, most recent maxChain per bucket, past table growth', () => {
    const { rows, maxChain } = LSH_DEFAULTS;
    const bands = SIGNATURE_BINS / rows;
    // 2,000 documents over 40 base texts, each copy with a few words edited: many shared bands, and buckets
    // longer than maxChain.
    const signatures = Array.from({ length: 2000 }, (_, doc) => {
      const words = text(60, (doc % 40) + 1);
      for (let i = doc % 7; i < words.length; i += 20 + (doc % 13)) words[i] = `edit${doc}`;
      return fingerprintWords(words, []).signature;
    });
    // The reference buckets: documents whose rows in a band are all equal, in the order they were added.
    const buckets = Array.from({ length: bands }, () => new Map<string, number[]>());
    const index = createLshIndex();
    signatures.forEach((signature, doc) => {
      const expected = new Set<number>();
      for (let band = 0; band < bands; band += 1) {
        const key = signature.subarray(band * rows, (band + 1) * rows).join(',');
        let bucket = buckets[band]!.get(key);
        if (bucket === undefined) buckets[band]!.set(key, (bucket = []));
        for (const other of bucket.slice(-maxChain)) expected.add(other);
        bucket.push(doc);
      }
      expect(index.candidates(signature)).toEqual([...expected].sort((a, b) => b - a));
      index.add(doc, signature);
    });
  });
});
