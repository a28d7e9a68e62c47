// Sentence splitting for English news text: enough to pick summary sentences, not a full tokenizer.

// Abbreviations that end with a period but do not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep',
  'rev', 'hon', 'pres', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'etc', 'vs', 'no', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'd.c',
]);

/** Split one paragraph into sentences. Quotes that close after the period stay with their sentence. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  const out: string[] = [];
  // A boundary: terminal punctuation, optional closing quotes/brackets, space, then an opening quote,
  // bracket, capital letter or digit.
  const boundary = /([.!?]+)(["')\]]*)\s+(?=["'([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const candidate = text.slice(start, end);
    if (match[1] === '.' && match[2] === '' && endsWithAbbreviation(candidate)) continue;
    out.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}

function endsWithAbbreviation(candidate: string): boolean {
  const lastWord = /(\S+)\.$/u.exec(candidate)?.[1]?.toLowerCase();
  if (lastWord === undefined) return false;
  // Single capital initials ("Donald J. Trump") do not end sentences either.
  return ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord);
}

/** Paragraphs of a cleaned article text. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}
