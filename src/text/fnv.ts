// FNV-1a, one UTF-16 code unit at a time: the string hash of fingerprints (dedupe/hash.ts), of the token
// table (cluster/span-table.ts) and of paragraph keys (ingest/clean.ts), for loops that hash as they scan.

export const FNV_OFFSET = 0x811c9dc5;

/** The hash `h` with one more code unit; start from FNV_OFFSET. An int32: take `>>> 0` for the unsigned value. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}
