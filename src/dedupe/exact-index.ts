// Exact-copy lookup: the first document seen with each exact fingerprint. A Map keeps lookup O(1).
export interface ExactIndex {
  /** Remember `doc` under `key` unless an earlier document already holds it. */
  add(key: string, doc: number): void;
  find(key: string): number | undefined;
}

export function createExactIndex(): ExactIndex {
  const first = new Map<string, number>();
  return {
    add(key, doc) {
      if (!first.has(key)) first.set(key, doc);
    },
    find(key) {
      return first.get(key);
    },
  };
}
