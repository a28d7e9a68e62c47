// Dense ids for strings looked up straight from a span of a longer text, with no substring per lookup.
// Token lookup is the hot loop of the pipeline (every word of every article): a Map<string> needs a fresh
// substring per word and costs about twice as much. Characters are kept in one pool, and a hit is always
// verified against them, so ids are exact (no hash-only matching).

export class SpanTable {
  // Open addressing with linear probing, at most half full: slot -> hash, and id + 1 (0 = empty).
  private slotHashes = new Int32Array(1 << 15);
  private slotIds = new Int32Array(1 << 15);
  private offsets: Int32Array = new Int32Array(1 << 14);
  private lengths: Int32Array = new Int32Array(1 << 14);
  private pool = new Uint16Array(1 << 17);
  private poolLength = 0;
  /** Number of ids; the next new span gets this id. */
  size = 0;

  /** Id of text.slice(start, end), or -1 when the table does not hold it yet. */
  find(text: string, start: number, end: number): number {
    const hash = hashSpan(text, start, end);
    const { slotHashes, slotIds, offsets, lengths, pool } = this;
    const mask = slotIds.length - 1;
    const n = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slotIds[slot]! - 1;
      if (id < 0) return -1;
      if (slotHashes[slot] !== hash || lengths[id] !== n) continue;
      const shift = offsets[id]! - start;
      let i = start;
      while (i < end && pool[shift + i] === text.charCodeAt(i)) i += 1;
      if (i === end) return id;
    }
  }

  /** Add text.slice(start, end), which `find` just reported missing; returns its new id. */
  add(text: string, start: number, end: number): number {
    const id = this.size;
    const n = end - start;
    if (id === this.offsets.length) {
      this.offsets = grownInt32(this.offsets, id * 2);
      this.lengths = grownInt32(this.lengths, id * 2);
    }
    if (this.poolLength + n > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + n));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.offsets[id] = this.poolLength;
    this.lengths[id] = n;
    for (let i = start; i < end; i += 1) this.pool[this.poolLength++] = text.charCodeAt(i);
    this.size = id + 1;
    if (this.size * 2 > this.slotIds.length) this.rehash(this.slotIds.length * 2);
    this.insert(hashSpan(text, start, end), id);
    return id;
  }

  private insert(hash: number, id: number): void {
    const mask = this.slotIds.length - 1;
    let slot = hash & mask;
    while (this.slotIds[slot] !== 0) slot = (slot + 1) & mask;
    this.slotHashes[slot] = hash;
    this.slotIds[slot] = id + 1;
  }

  private rehash(slots: number): void {
    const hashes = this.slotHashes;
    const ids = this.slotIds;
    this.slotHashes = new Int32Array(slots);
    this.slotIds = new Int32Array(slots);
    for (let s = 0; s < ids.length; s += 1) if (ids[s] !== 0) this.insert(hashes[s]!, ids[s]! - 1);
  }
}

/** FNV-1a over the span's UTF-16 units, then a multiply so the low bits (the slot) depend on every unit. */
function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}

function grownInt32(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
