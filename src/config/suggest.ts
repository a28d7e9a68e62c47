// "Did you mean ...?" for a mistyped flag, command or config key: the known names closest to what was
// typed. Close means a small edit distance for the name's length, or that the typed word begins the name
// (`allow` for `allowAddresses`), so a shortened key finds its full form.

/** Edits allowed per character typed: one slip in a short word, about one in three in a long one. */
const EDITS_PER_CHAR = 1 / 3;
/** A bare prefix of one or two letters says too little to suggest anything. */
const MIN_PREFIX = 3;

export function suggest(typed: string, known: readonly string[], limit = 2): string[] {
  const word = typed.toLowerCase();
  const allowed = Math.max(1, Math.floor(word.length * EDITS_PER_CHAR));
  const scored = known.flatMap((name) => {
    const lower = name.toLowerCase();
    if (lower === word) return [];
    const distance = editDistance(word, lower);
    if (distance <= allowed) return [{ name, rank: distance }];
    if (word.length >= MIN_PREFIX && lower.startsWith(word)) return [{ name, rank: allowed + 1 }];
    return [];
  });
  scored.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/** " (did you mean 'x' or 'y'?)", or '' when nothing is close. */
export function didYouMean(typed: string, known: readonly string[], quote = "'"): string {
  const names = suggest(typed, known).map((name) => `${quote}${name}${quote}`);
  return names.length === 0 ? '' : ` (did you mean ${names.join(' or ')}?)`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}
