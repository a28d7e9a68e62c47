// Dense ids for strings looked up straight from a span of a longer text, with no substring per lookup.
// Token lookup is the hot loop of the pipeline (every word of every article): a Map<string> needs a fresh
// substring per word and costs about twice as much. Characters are kept in one pool, and a hit is always
// verified against them, so ids are exact (no hash-only matching).
import { FNV_OFFSET, fnvStep } from '../text/fnv.ts';

// A slot is four int32s in one array, so a probe reads one cache line: hash, id + 1 (0 = empty), and the
// offset and length of the characters in the pool.
const SLOT = 4;

export class SpanTable {
  // Open addressing with linear probing, at most half full.
  private slots = new Int32Array(SLOT << 15);
  private pool = new Uint16Array(1 << 17);
  private poolLength = 0;
  /** Number of ids; the next new span gets this id. */
  size = 0;

  /** Id of text.slice(start, end), or -1 when the table does not hold it yet. */
  find(text: string, start: number, end: number): number {
    return this.findHashed(text, start, end, hashSpan(text, start, end));
  }

  /** The same with the span's hash (`hashSpan`) already known, e.g. computed while the word was scanned. */
  findHashed(text: string, start: number, end: number, hash: number): number {
    const { slots, pool } = this;
    const mask = (slots.length >> 2) - 1;
    const n = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const id = slots[at + 1]! - 1;
      if (id < 0) return -1;
      if (slots[at] !== hash || slots[at + 3] !== n) continue;
      const shift = slots[at + 2]! - start;
      let i = start;
      while (i < end && pool[shift + i] === text.charCodeAt(i)) i += 1;
      if (i === end) return id;
    }
  }

  /** Add text.slice(start, end), which `find` just reported missing; returns its new id. */
  add(text: string, start: number, end: number): number {
    const id = this.size;
    const n = end - start;
    if (this.poolLength + n > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + n));
      pool.set(this.pool);
      this.pool = pool;
    }
    const offset = this.poolLength;
    for (let i = start; i < end; i += 1) this.pool[this.poolLength++] = text.charCodeAt(i);
    this.size = id + 1;
    if (this.size * 2 * SLOT > this.slots.length) this.rehash(this.slots.length * 2);
    this.insert(this.slots, hashSpan(text, start, end), id, offset, n);
    return id;
  }

  private insert(slots: Int32Array, hash: number, id: number, offset: number, length: number): void {
    const mask = (slots.length >> 2) - 1;
    let slot = hash & mask;
    while (slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
    const at = slot << 2;
    slots[at] = hash;
    slots[at + 1] = id + 1;
    slots[at + 2] = offset;
    slots[at + 3] = length;
  }

  private rehash(length: number): void {
    const old = this.slots;
    const slots = new Int32Array(length);
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] !== 0) this.insert(slots, old[at]!, old[at + 1]! - 1, old[at + 2]!, old[at + 3]!);
    }
    this.slots = slots;
  }
}

/** FNV-1a over the span's UTF-16 units, then a multiply so the low bits (the slot) depend on every unit. */
export function hashSpan(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return finishSpanHash(h);
}

/** hashSpan's last step, for a scanner that hashes a word while it finds it (FNV_OFFSET, fnvStep per unit). */
export function finishSpanHash(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}
