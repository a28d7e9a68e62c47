// Cleaning of article text from any source (files, feeds, extracted pages): normalize punctuation and
// whitespace, drop the boilerplate lines and blocks listed in boilerplate-rules.ts, rebuild paragraphs,
// and drop repeats (a block printed twice, a teaser that repeats the lead).
import { normalizePunctuation, collapseSpaces } from '../text/normalize.ts';
import { FNV_OFFSET, fnvStep } from '../text/fnv.ts';
import { splitSentences } from '../text/sentences.ts';
import { letterOrDigitAt } from '../text/word-scanner.ts';
import { BLOCK_RULES, LINE_RULES, MAX_BOILERPLATE_LINE } from './boilerplate-rules.ts';
import type { BlockRule } from './boilerplate-rules.ts';

/** Lines longer than this are a lead paragraph, not a headline, when a title is taken from plain text. */
const MAX_TITLE_LINE = 160;
/** A title cut from a lead sentence stops at a word boundary before this many characters. */
const MAX_DERIVED_TITLE = 120;
/** A teaser's truncated last sentence must be this long (in words) to count as a repeat of the lead. */
const MIN_TEASER_WORDS = 5;

/** Normalized lines: no BOM, "\n" line ends, straight quotes, plain dashes, collapsed spaces. */
export function normalizeLines(raw: string): string[] {
  const text = normalizePunctuation(unixLineEnds(withoutBom(raw)));
  const lines = text.split('\n');
  // collapseSpaces tests each line for a run of spaces with a regex. Most texts have none anywhere: one
  // search of the whole text then shows that trimming each line is all collapseSpaces would do.
  if (hasSpaceRun(text)) return lines.map(collapseSpaces);
  for (let i = 0; i < lines.length; i += 1) lines[i] = lines[i]!.trim();
  return lines;
}

/** The text without a leading byte-order mark (one, as /^\uFEFF/ removes). */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "\r\n" and "\r" line ends as "\n". Most texts have no "\r": a one-character search is cheaper than the regex pass. */
function unixLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Whether some line may hold what collapseSpaces replaces (a tab, form feed, vertical tab or two spaces);
 * false means every line only needs trimming. Single-character searches first: they cost little, and a
 * text found to hold a tab skips the slower search for two spaces (spaces are everywhere).
 */
function hasSpaceRun(text: string): boolean {
  return text.includes('\t') || text.includes('\f') || text.includes('\v') || text.includes('  ');
}

/** Whether one normalized line is boilerplate by a line rule or by starting a block rule. */
export function isBoilerplateLine(line: string): boolean {
  const text = collapseSpaces(normalizePunctuation(line));
  if (text === '' || text.length > MAX_BOILERPLATE_LINE) return false;
  return LINE_RULES.some((rule) => rule.pattern.test(text)) || BLOCK_RULES.some((rule) => rule.start.test(text));
}

/** Blank out boilerplate lines; a dropped line becomes a paragraph break so its neighbours never merge. */
export function dropBoilerplateLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    // No rule can change a blank line (a line rule would blank it again, and no block starts at one) or a
    // line of prose: keep both without trying some forty patterns. Blank lines are every paragraph break.
    if (line === '' || line.length > MAX_BOILERPLATE_LINE) {
      out.push(line);
      continue;
    }
    const block = BLOCK_RULES.find((rule) => rule.start.test(line));
    if (block !== undefined) {
      const end = blockEnd(lines, i, block);
      for (; i < end; i += 1) out.push('');
      i -= 1;
      continue;
    }
    out.push(LINE_RULES.some((rule) => rule.pattern.test(line)) ? '' : line);
  }
  return out;
}

/** Index just past the last line a block rule starting at `start` covers. */
function blockEnd(lines: readonly string[], start: number, rule: BlockRule): number {
  if (rule.until === 'end') return lines.length;
  let i = start + 1;
  if (rule.until === 'paragraph') while (i < lines.length && lines[i] === '') i += 1;
  while (i < lines.length && lines[i] !== '') i += 1;
  return i;
}

// A paragraph ending in one of these ends a sentence (or a quote or bracket): the next line is not a wrap of it.
// Checked on the last character rather than with /[^.!?:;"')\]]$/, which a regex engine tries at every
// position of the paragraph.
const SENTENCE_STOPS = '.!?:;"\')]';

/**
 * Group lines into paragraphs. A blank line always ends a paragraph. Scraped text often puts one paragraph
 * per line with no blank lines, so a single line break also ends a paragraph, except where the text was
 * hard-wrapped: the previous line ends mid-sentence and the next starts in lower case.
 */
export function linesToParagraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line === '') {
      if (current !== '') out.push(current);
      current = '';
    } else if (current !== '' && !SENTENCE_STOPS.includes(current.charAt(current.length - 1)) && /^[\p{Ll}]/u.test(line)) {
      current = `${current} ${line}`;
    } else {
      if (current !== '') out.push(current);
      current = line;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Comparable form of a paragraph: lower case, words only. */
function paragraphKey(paragraph: string): string {
  return paragraph.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** 1 for an ASCII letter or digit: the common case of keySignature's loop, without a call per character. */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => letterOrDigitAt(String.fromCharCode(c), 0));

/**
 * Key units a signature covers: the key's first ten words or so. Different paragraphs that open with the
 * same words are rare (and their keys are then compared), so hashing on to the end of every paragraph,
 * a few thousand characters an article, bought almost nothing.
 */
const SIGNATURE_UNITS = 64;

/**
 * A hash of the first SIGNATURE_UNITS letters and digits of paragraphKey(paragraph), words separated,
 * computed without building the key: equal keys have equal signatures, so keys are built only to confirm
 * a signature seen before (building every key was most of cleaning).
 * 0 for a paragraph without letters or digits (an empty key).
 */
function keySignature(paragraph: string): number {
  // ASCII fast path: lower-case letter by letter, with no lower-cased copy of the paragraph. The first
  // non-ASCII unit sends the whole paragraph through toLowerCase instead (which may change its length).
  let h = FNV_OFFSET;
  let inWord = false;
  let units = 0;
  for (let i = 0; i < paragraph.length; i += 1) {
    let c = paragraph.charCodeAt(i);
    if (c >= 128) return lowerKeySignature(paragraph.toLowerCase());
    if (ASCII_WORD_CHAR[c] === 0) {
      inWord = false;
      continue;
    }
    // Stop at the same key unit as lowerKeySignature does: the signature depends on the key alone.
    if (units >= SIGNATURE_UNITS) break;
    if (c >= 65 && c <= 90) c += 32;
    if (!inWord) {
      h = fnvStep(h, 32);
      inWord = true;
    }
    h = fnvStep(h, c);
    units += 1;
  }
  return units === 0 ? 0 : h | 1;
}

/** keySignature of an already lower-cased paragraph, any characters. */
function lowerKeySignature(lower: string): number {
  let h = FNV_OFFSET;
  let inWord = false;
  let units = 0;
  for (let i = 0; i < lower.length; ) {
    const c = lower.charCodeAt(i);
    const n = c < 128 ? ASCII_WORD_CHAR[c]! : letterOrDigitAt(lower, i);
    if (n === 0) {
      inWord = false;
      i += 1;
      continue;
    }
    if (units >= SIGNATURE_UNITS) break;
    if (!inWord) {
      h = fnvStep(h, 32);
      inWord = true;
    }
    for (let k = 0; k < n; k += 1) h = fnvStep(h, lower.charCodeAt(i + k));
    units += n;
    i += n;
  }
  return units === 0 ? 0 : h | 1;
}

/**
 * Drop paragraphs that repeat other text: an exact repeat of an earlier paragraph (a block printed twice),
 * and a teaser that ends in "..." whose cut-off last sentence reappears elsewhere (a standfirst that
 * repeats the lead).
 */
export function dropRepeatedParagraphs(paragraphs: readonly string[]): string[] {
  const keys: (string | undefined)[] = [];
  const keyOf = (index: number): string => (keys[index] ??= paragraphKey(paragraphs[index] ?? ''));
  // Paragraphs kept so far (teasers included) by signature, to compare keys only where signatures agree.
  const seen = new Map<number, number[]>();
  const out: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    const signature = keySignature(paragraph);
    if (signature === 0) return;
    const same = seen.get(signature);
    if (same === undefined) seen.set(signature, [index]);
    else if (same.some((other) => keyOf(other) === keyOf(index))) return;
    else same.push(index);
    if (isTeaser(paragraph, paragraphs, keyOf, index)) return;
    out.push(paragraph);
  });
  return out;
}

function isTeaser(
  paragraph: string,
  paragraphs: readonly string[],
  keyOf: (index: number) => string,
  index: number,
): boolean {
  // Ends in "..." or "[...]": endsWith looks at the end only, where a regex would be tried at every position.
  if (!paragraph.endsWith('...') && !paragraph.endsWith('[...]')) return false;
  const sentences = splitSentences(paragraph.replace(/\s*\[?\.\.\.\]?$/, ''));
  const tail = paragraphKey(sentences[sentences.length - 1] ?? '');
  if (tail.split(' ').length < MIN_TEASER_WORDS) return false;
  return paragraphs.some((_, other) => other !== index && keyOf(other).includes(tail));
}

/** Cleaned paragraphs of an article text. */
export function cleanParagraphs(raw: string): string[] {
  return dropRepeatedParagraphs(linesToParagraphs(dropBoilerplateLines(normalizeLines(raw))));
}

/** Cleaned article text: boilerplate dropped, repeats collapsed, paragraphs joined by a blank line. */
export function cleanArticleText(raw: string): string {
  return cleanParagraphs(raw).join('\n\n');
}

// Separators between a headline and the site name in <title> and og:title ("Story | Reuters").
const SITE_SUFFIX = /^(.*\S)\s+(\||-|::|»|·|\/\/)\s+([^|]+)$/u;

/** A title with whitespace and quotes normalized and a trailing site name (" | Reuters", " - BBC News") removed. */
export function cleanTitle(raw: string): string {
  let title = collapseSpaces(normalizePunctuation(raw).replace(/\s+/g, ' '));
  for (let round = 0; round < 2; round += 1) {
    const match = SITE_SUFFIX.exec(title);
    if (match === null) break;
    const [, head = '', separator = '', suffix = ''] = match;
    if (!looksLikeSiteName(suffix, separator) || wordCount(head) < 2) break;
    title = head.trim();
  }
  return title;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * A site name is short and either a domain or capitalized words ("BBC News", "The Guardian"). After a pipe
 * anything short counts: pipes separate site sections, and headlines rarely contain them. A dash suffix
 * in lower case ("Ukraine war - live updates") is part of the headline.
 */
function looksLikeSiteName(suffix: string, separator: string): boolean {
  const words = suffix.trim().split(/\s+/);
  if (words.length > 5) return false;
  if (separator === '|' || separator === '::' || separator === '//') return true;
  if (/^[\w-]+(\.[\w-]+)+$/.test(suffix.trim())) return true;
  const minor = new Set(['of', 'the', 'and', '&', 'on', 'for', 'de', 'la', 'le', 'el', 'in', 'at', '-']);
  return words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || minor.has(word.toLowerCase()));
}

/**
 * Title and body of a plain-text article: the title is the first paragraph that survives cleaning
 * (boilerplate, banners and number-only lines are already gone). A long first paragraph is a lead, not a
 * headline: the title is then its first sentence, cut at a word boundary, and the lead stays in the body.
 */
export function splitPlainText(raw: string): { title: string; text: string } {
  const paragraphs = cleanParagraphs(raw);
  const first = paragraphs[0];
  if (first === undefined) return { title: '', text: '' };
  if (first.length <= MAX_TITLE_LINE) return { title: cleanTitle(first), text: paragraphs.slice(1).join('\n\n') };
  return { title: cleanTitle(shorten(splitSentences(first)[0] ?? first)), text: paragraphs.join('\n\n') };
}

/** Cut a sentence to at most MAX_DERIVED_TITLE characters at a word boundary, marking the cut. */
export function shorten(sentence: string): string {
  if (sentence.length <= MAX_DERIVED_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_DERIVED_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '')}...`;
}
