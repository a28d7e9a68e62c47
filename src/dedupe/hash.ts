// 32-bit hashes for fingerprints: FNV-1a for strings and the murmur3 finalizer to spread bits. Fast and
// deterministic across runs and machines, which the rebuild-from-store design depends on.
//
// The hot loops use the int32 forms (mixBits, combineBits): the same 32 bits as mix32 and combine, but V8
// keeps int32 values unboxed, while a uint32 above 2^31 becomes a double (or a heap number). Take `>>> 0`
// where the number itself matters (printed, compared with a uint32, or a bin value).
import { FNV_OFFSET, fnvStep } from '../text/fnv.ts';

/** FNV-1a over UTF-16 code units, optionally seeded. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return h >>> 0;
}

/** murmur3 fmix32: every input bit affects every output bit. */
export function mix32(value: number): number {
  return mixBits(value) >>> 0;
}

/** Order-dependent combination of two hashes (boost::hash_combine, 32-bit). */
export function combine(a: number, b: number): number {
  return combineBits(a, b) >>> 0;
}

/** mix32 as an int32 (the same bits); takes any number, read as its low 32 bits like mix32 does. */
export function mixBits(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// 0x9e3779b9 as an int32: the sum below is wrapped to 32 bits anyway, so the same bits either way.
const GOLDEN = 0x9e3779b9 | 0;

/** combine as an int32 (the same bits): the wrapped int32 sum has the low 32 bits of combine's exact sum. */
export function combineBits(a: number, b: number): number {
  return mixBits(a ^ ((b + GOLDEN + (a << 6) + (a >>> 2)) | 0));
}
