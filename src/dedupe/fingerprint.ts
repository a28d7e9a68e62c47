// Fingerprints of one text for the rewrite relation: an exact hash of its word sequence (copies that differ
// only in spacing, case or punctuation), a MinHash signature of its word shingles (near copies) and one of
// its content-word bigrams (paraphrases).
import { combineBits, hashString } from './hash.ts';
import { SIGNATURE_BINS, addShingle, densify, emptySignature, shingleBits } from './minhash.ts';

export interface Fingerprint {
  /** Two independent 32-bit hashes of the whole word sequence, as one key: collisions need both to agree. */
  readonly exact: string;
  readonly signature: Uint32Array;
  /**
   * MinHash of content-word bigrams (stemmed, stopwords out): survives paraphrase that rewords the glue
   * between content words, which breaks most 4-word shingles but keeps pairs like "security guarantee".
   */
  readonly phrases: Uint32Array;
}

/** Words per shingle: 4-word shingles survive light edits yet rarely repeat across unrelated texts. */
export const SHINGLE_WORDS = 4;
/** Longer phrase signature: its threshold sits lower (about 0.25), where 64 bins would be too noisy. */
export const PHRASE_BINS = 128;

/**
 * Fingerprint from word hashes (body words in order) and content term ids (stemmed, stopwords out). One pass
 * over the words feeds the exact hash and the shingle signature, with no array of shingle hashes in between:
 * the same values as minhashSignature(shingleHashes(...)), at a fraction of the allocation.
 */
export function fingerprint(wordHashes: Uint32Array, contentIds: Uint32Array): Fingerprint {
  let a = 0x1234567;
  let b = 0x7654321;
  // Both signatures in one array: a typed array above 64 bytes is allocated outside V8's heap, at about a
  // microsecond apiece, and every article keeps its fingerprint.
  const both = emptySignature(SIGNATURE_BINS + PHRASE_BINS);
  const signature = both.subarray(0, SIGNATURE_BINS);
  const n = wordHashes.length;
  const lastShingle = n - SHINGLE_WORDS;
  for (let i = 0; i < n; i += 1) {
    const word = wordHashes[i]!;
    a = combineBits(a, word);
    b = combineBits(b ^ 0x5bd1e995, word);
    if (i <= lastShingle) addShingle(signature, shingleBits(wordHashes, i, SHINGLE_WORDS));
  }
  densify(signature);
  const phrases = both.subarray(SIGNATURE_BINS);
  for (let i = 0; i + 1 < contentIds.length; i += 1) {
    addShingle(phrases, combineBits(contentIds[i]!, contentIds[i + 1]!));
  }
  densify(phrases);
  // The key spells the unsigned values, as it always has (a and b are int32 bits here).
  return { exact: `${n.toString(36)}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`, signature, phrases };
}

/** The same from strings: lower-case words, and content terms (any stable spelling, e.g. stems). */
export function fingerprintWords(words: readonly string[], contentTerms: readonly string[]): Fingerprint {
  return fingerprint(
    Uint32Array.from(words, (w) => hashString(w)),
    Uint32Array.from(contentTerms, (t) => hashString(t)),
  );
}
