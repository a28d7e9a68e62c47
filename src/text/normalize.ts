// Unicode and punctuation normalization shared by cleaning, fingerprints and rendering.

/** Typographic characters and their plain forms, applied in this order after NFKC. */
export const QUOTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2013\u2014\u2212]/g, ' - '],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
];

// Plain ASCII is its own NFKC form and holds none of the characters above except the backtick: most
// article text takes this path, which skips the Unicode normalization and the six replacements.
const NON_ASCII = /[\u0080-\uffff]/;

/** NFKC, straight quotes, plain dashes and spaces. Keeps line breaks. */
export function normalizePunctuation(text: string): string {
  if (!NON_ASCII.test(text)) return text.includes('`') ? text.replace(/`/g, "'") : text;
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of QUOTES) out = out.replace(pattern, replacement);
  return out;
}

/** Anything the replacements in collapseSpaces could change: a tab, form feed, vertical tab or two spaces. */
const SPACE_RUN = /[\t\f\v]| {2}/;

/** Collapse runs of spaces and tabs inside a line and trim it. */
export function collapseSpaces(line: string): string {
  // Most lines have only single spaces: then the replacements change nothing, and building their copies
  // was the larger part of cleaning.
  if (!SPACE_RUN.test(line)) return line.trim();
  return line.replace(/[ \t\f\v]+/g, ' ').replace(/ - +/g, ' - ').trim();
}
