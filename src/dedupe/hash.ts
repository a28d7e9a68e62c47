// 32-bit hashes for fingerprints: FNV-1a for strings and the murmur3 finalizer to spread bits. Fast and
// deterministic across runs and machines, which the rebuild-from-store design depends on.
import { FNV_OFFSET, fnvStep } from '../text/fnv.ts';

/** FNV-1a over UTF-16 code units, optionally seeded. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return h >>> 0;
}

/** murmur3 fmix32: every input bit affects every output bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-dependent combination of two hashes (boost::hash_combine, 32-bit). */
export function combine(a: number, b: number): number {
  return mix32((a ^ (b + 0x9e3779b9 + ((a << 6) >>> 0) + (a >>> 2))) >>> 0);
}
