// Unicode and punctuation normalization shared by cleaning, fingerprints and rendering.

const QUOTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2013\u2014\u2212]/g, ' - '],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
];

/** NFKC, straight quotes, plain dashes and spaces. Keeps line breaks. */
export function normalizePunctuation(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of QUOTES) out = out.replace(pattern, replacement);
  return out;
}

/** Collapse runs of spaces and tabs inside a line and trim it. */
export function collapseSpaces(line: string): string {
  return line.replace(/[ \t\f\v]+/g, ' ').replace(/ - +/g, ' - ').trim();
}
