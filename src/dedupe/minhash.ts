// Shingle fingerprints for near-duplicate text: one-permutation MinHash (Li, Owen & Zhang 2012) with
// densification (Shrivastava 2017). One hash per shingle instead of one per shingle and permutation keeps the
// cost linear in the text and independent of the signature length.
import { combineBits, mixBits } from './hash.ts';

/** Signature length; a power of two so the bin is a bit mask. 64 bins estimate Jaccard within about +-0.06. */
export const SIGNATURE_BINS = 64;
// Values keep the bits above the largest bin mask (10 bits), the same for every signature length.
const BIN_BITS = 10;
const EMPTY = 0xffffffff;

/**
 * Word-shingle hashes: every run of `size` consecutive word hashes combined into one. Word shingles (rather
 * than characters) make the fingerprint insensitive to spacing and punctuation edits.
 */
export function shingleHashes(wordHashes: ArrayLike<number>, size: number): Uint32Array {
  const count = Math.max(0, wordHashes.length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = shingleAt(wordHashes, i, size);
  return out;
}

/** The hash of the shingle of `size` words starting at word `start`. */
export function shingleAt(wordHashes: ArrayLike<number>, start: number, size: number): number {
  return shingleBits(wordHashes, start, size) >>> 0;
}

/** shingleAt as an int32 (the same bits), for loops that only feed it to addShingle. */
export function shingleBits(wordHashes: ArrayLike<number>, start: number, size: number): number {
  let h = wordHashes[start]! | 0;
  for (let j = 1; j < size; j += 1) h = combineBits(h, wordHashes[start + j]!);
  return h;
}

/** One-permutation MinHash signature of `bins` (a power of two, at most 1024); all-EMPTY without shingles. */
export function minhashSignature(shingles: ArrayLike<number>, bins = SIGNATURE_BINS): Uint32Array {
  const signature = emptySignature(bins);
  for (let i = 0; i < shingles.length; i += 1) addShingle(signature, shingles[i]!);
  densify(signature);
  return signature;
}

/**
 * The same signature built one shingle at a time (emptySignature, addShingle per shingle, densify once), so a
 * caller can hash shingles as it walks the words instead of collecting them in an array first.
 */
export function emptySignature(bins = SIGNATURE_BINS): Uint32Array {
  return new Uint32Array(bins).fill(EMPTY);
}

/** Takes the shingle hash as a uint32 or an int32: only its 32 bits count. */
export function addShingle(signature: Uint32Array, shingle: number): void {
  const h = mixBits(shingle);
  const bin = h & (signature.length - 1);
  const value = h >>> BIN_BITS;
  // Branch-free minimum: whether a shingle lowers its bin is a coin toss early in a text, which a branch
  // mispredicts about half the time. Bins hold EMPTY or a value below 2^22, so masking off the top bit reads
  // EMPTY as 0x7fffffff (still above every value) and keeps the subtraction within int32.
  const current = signature[bin]! & 0x7fffffff;
  const diff = value - current;
  signature[bin] = current + (diff & (diff >> 31));
}

let densifyScratch = new Uint32Array(1024);

/** Fill empty bins from the next non-empty one (rotation), salted by distance so borrowed values differ. */
export function densify(signature: Uint32Array): void {
  const bins = signature.length;
  let empty = 0;
  for (let bin = 0; bin < bins; bin += 1) if (signature[bin] === EMPTY) empty += 1;
  // Nothing to fill (the usual case for a full article), or nothing to fill from: no copy needed.
  if (empty === 0 || empty === bins) return;
  if (densifyScratch.length < bins) densifyScratch = new Uint32Array(bins);
  // A reused copy: a fresh typed array this size is allocated outside V8's heap, about a microsecond each.
  const source = densifyScratch.subarray(0, bins);
  source.set(signature);
  for (let bin = 0; bin < bins; bin += 1) {
    if (source[bin] !== EMPTY) continue;
    for (let step = 1; step < bins; step += 1) {
      const value = source[(bin + step) & (bins - 1)]!;
      if (value !== EMPTY) {
        signature[bin] = mixBits(value + step) >>> BIN_BITS;
        break;
      }
    }
  }
}

/** True when the text had no shingles at all (such a signature matches nothing). */
export function isEmptySignature(signature: Uint32Array): boolean {
  return signature[0] === EMPTY;
}

/** Fraction of equal bins: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return same / a.length;
}
