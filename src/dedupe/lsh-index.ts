// Banded locality-sensitive index over MinHash signatures (Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets", ch. 3): two texts share a bucket in some band with probability 1 - (1 - J^r)^b. Lookup cost is
// bounded by `maxChain` per band, so it stays flat however many documents are indexed.
import { combineBits } from './hash.ts';
import { SIGNATURE_BINS, isEmptySignature } from './minhash.ts';

export interface LshOptions {
  /** Rows per band; with 16 bands of 4 rows the S-curve's midpoint is at Jaccard (1/16)^(1/4) = 0.5. */
  readonly rows: number;
  /** Most recent documents examined per bucket: bounds lookup cost on pathological (boilerplate) buckets. */
  readonly maxChain: number;
}

export const LSH_DEFAULTS = { rows: 4, maxChain: 24 } as const satisfies LshOptions;

export interface LshIndex {
  /** Index a document by its dense number (0, 1, 2, ...). */
  add(doc: number, signature: Uint32Array): void;
  /** Indexed documents sharing at least one band bucket, most recent first, without repeats. */
  candidates(signature: Uint32Array): number[];
}

export function createLshIndex(options: LshOptions = LSH_DEFAULTS): LshIndex {
  const bands = Math.floor(SIGNATURE_BINS / options.rows);
  // One head per (band, key) and an intrusive linked list through `next`: no per-bucket arrays, so memory is
  // a few bytes per document and band.
  const heads: HeadTable[] = Array.from({ length: bands }, () => createHeadTable());
  let next = new Int32Array(1024 * bands);

  // An int32: the same bits as a uint32 key, so the same documents share a bucket.
  const bandKey = (signature: Uint32Array, band: number): number => {
    let h = band + 1;
    for (let r = 0; r < options.rows; r += 1) h = combineBits(h, signature[band * options.rows + r]!);
    return h;
  };

  return {
    add(doc, signature) {
      if (isEmptySignature(signature)) return;
      if ((doc + 1) * bands > next.length) {
        const grown = new Int32Array(Math.max(next.length * 2, (doc + 1) * bands));
        grown.set(next);
        next = grown;
      }
      for (let band = 0; band < bands; band += 1) {
        next[doc * bands + band] = heads[band]!.push(bandKey(signature, band), doc);
      }
    },
    candidates(signature) {
      if (isEmptySignature(signature)) return [];
      const seen = new Set<number>();
      const out: number[] = [];
      for (let band = 0; band < bands; band += 1) {
        let doc = heads[band]!.head(bandKey(signature, band));
        for (let steps = 0; doc >= 0 && steps < options.maxChain; steps += 1) {
          if (!seen.has(doc)) {
            seen.add(doc);
            out.push(doc);
          }
          doc = next[doc * bands + band]!;
        }
      }
      return out.sort((a, b) => b - a);
    },
  };
}

/** The most recent document of each bucket of one band, by the bucket's 32-bit key. */
interface HeadTable {
  /** The bucket's most recent document, or -1 for a bucket nobody is in. */
  head(key: number): number;
  /** Make `doc` the bucket's most recent document; returns the one it replaces, or -1. */
  push(key: number, doc: number): number;
}

/**
 * Open addressing with linear probing over two Int32Arrays (key, head document; -1 marks a free slot). A Map
 * would box most keys (a 32-bit hash is a heap number above 2^30) and costs more per lookup; keys here are
 * already well-mixed hashes, so their low bits are a good slot. Kept at most half full.
 */
function createHeadTable(): HeadTable {
  let keys = new Int32Array(1024);
  let docs = new Int32Array(1024).fill(-1);
  let used = 0;

  const slotOf = (key: number): number => {
    const mask = keys.length - 1;
    let slot = key & mask;
    while (docs[slot]! >= 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  };

  const grow = (): void => {
    const oldKeys = keys;
    const oldDocs = docs;
    keys = new Int32Array(oldKeys.length * 2);
    docs = new Int32Array(oldKeys.length * 2).fill(-1);
    for (let i = 0; i < oldKeys.length; i += 1) {
      if (oldDocs[i]! < 0) continue;
      const slot = slotOf(oldKeys[i]!);
      keys[slot] = oldKeys[i]!;
      docs[slot] = oldDocs[i]!;
    }
  };

  return {
    head(key) {
      return docs[slotOf(key)]!;
    },
    push(key, doc) {
      let slot = slotOf(key);
      const previous = docs[slot]!;
      if (previous < 0) {
        if ((used + 1) * 2 > keys.length) {
          grow();
          slot = slotOf(key);
        }
        used += 1;
        keys[slot] = key;
      }
      docs[slot] = doc;
      return previous;
    },
  };
}
