// Banded locality-sensitive index over MinHash signatures (Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets", ch. 3): two texts share a bucket in some band with probability 1 - (1 - J^r)^b. Lookup cost is
// bounded by `maxChain` per band, so it stays flat however many documents are indexed.
import { combine } from './hash.ts';
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
  const heads: Map<number, number>[] = Array.from({ length: bands }, () => new Map<number, number>());
  let next = new Int32Array(1024 * bands);

  const bandKey = (signature: Uint32Array, band: number): number => {
    let h = band + 1;
    for (let r = 0; r < options.rows; r += 1) h = combine(h, signature[band * options.rows + r]!);
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
        const key = bandKey(signature, band);
        const head = heads[band]!;
        next[doc * bands + band] = head.get(key) ?? -1;
        head.set(key, doc);
      }
    },
    candidates(signature) {
      if (isEmptySignature(signature)) return [];
      const seen = new Set<number>();
      const out: number[] = [];
      for (let band = 0; band < bands; band += 1) {
        let doc = heads[band]!.get(bandKey(signature, band)) ?? -1;
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
