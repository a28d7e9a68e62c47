// Word-level caches for the hot path: one Map lookup per token yields everything the engine needs about a
// word (its stemmed term id or "not a content word", and its fingerprint hash), instead of separate
// stopword, stem, vocabulary and hash lookups. Stemming and hashing happen once per distinct word.
import { hashString } from '../dedupe/hash.ts';
import { looksLikeName, nameKey } from '../text/names.ts';
import { isStopword, stem } from '../text/tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Name features live in the vocabulary under this prefix, beside stemmed terms. */
export const NAME_PREFIX = '#';

export interface Lexicon {
  /**
   * Index of a token as written (case kept) in the tables below: one lookup per token, so lower-casing,
   * possessive stripping and the name test run once per distinct spelling, not per occurrence.
   */
  token(raw: string): number;
  /** Word index of a token (its normalized lower-case form). */
  wordOf(token: number): number;
  /** Whether the token, as written, looks like part of a name (capitalised or an acronym). */
  capitalized(token: number): boolean;
  lowerOf(word: number): string;
  /** Index of a lower-case word in the per-word tables below (created on first sight). */
  word(lower: string): number;
  /** Content term id of a word, or -1 for stopwords and one-letter tokens. */
  termOf(word: number): number;
  hashOf(word: number): number;
  /** Name feature id for a word used as a name, or -1 when its variant key is too short to mean anything. */
  nameOf(lower: string, written: string): number;
  isName(termId: number): boolean;
}

export function createLexicon(vocabulary: Vocabulary): Lexicon {
  const words = new Map<string, number>();
  const lowers: string[] = [];
  const tokens = new Map<string, number>();
  const tokenWords: number[] = [];
  const tokenCapitals: boolean[] = [];
  let termIds = new Int32Array(1 << 14);
  let hashes = new Uint32Array(1 << 14);
  const names = new Map<string, number>();
  let nameFlags = new Uint8Array(1 << 14);

  const flagName = (id: number): void => {
    if (id >= nameFlags.length) {
      const grown = new Uint8Array(Math.max(nameFlags.length * 2, id + 1));
      grown.set(nameFlags);
      nameFlags = grown;
    }
    nameFlags[id] = 1;
  };

  function word(lower: string): number {
    let index = words.get(lower);
    if (index !== undefined) return index;
    index = words.size;
    words.set(lower, index);
    lowers.push(lower);
    if (index >= termIds.length) {
      const grownIds = new Int32Array(termIds.length * 2);
      grownIds.set(termIds);
      termIds = grownIds;
      const grownHashes = new Uint32Array(hashes.length * 2);
      grownHashes.set(hashes);
      hashes = grownHashes;
    }
    let term = -1;
    if (lower.length >= 2 && !isStopword(lower)) {
      term = vocabulary.id(stem(lower));
      vocabulary.noteSurface(term, lower);
    }
    termIds[index] = term;
    hashes[index] = hashString(lower);
    return index;
  }

  return {
    token(raw) {
      let index = tokens.get(raw);
      if (index !== undefined) return index;
      index = tokenWords.length;
      tokens.set(raw, index);
      const lower = raw.toLowerCase();
      tokenWords.push(word(normalizeToken(lower)));
      tokenCapitals.push(lower.charCodeAt(0) !== raw.charCodeAt(0) && looksLikeName(raw, lower, false));
      return index;
    },
    wordOf: (token) => tokenWords[token]!,
    capitalized: (token) => tokenCapitals[token]!,
    lowerOf: (index) => lowers[index]!,
    word,
    termOf: (word) => termIds[word]!,
    hashOf: (word) => hashes[word]!,
    nameOf(lower, written) {
      let id = names.get(lower);
      if (id === undefined) {
        const key = nameKey(lower);
        id = key.length < 2 ? -1 : vocabulary.id(NAME_PREFIX + key);
        names.set(lower, id);
        if (id >= 0) flagName(id);
      }
      if (id >= 0) vocabulary.noteSurface(id, written);
      return id;
    },
    isName: (termId) => nameFlags[termId] === 1,
  };
}

/** Lower-case form as tokens.ts `words` gives it: possessive "'s" dropped, curly apostrophe straightened. */
function normalizeToken(lower: string): string {
  const n = lower.length;
  if (n > 2 && lower.charCodeAt(n - 1) === 115) {
    const c = lower.charCodeAt(n - 2);
    if (c === 39 || c === 0x2019) lower = lower.slice(0, n - 2);
  }
  return lower.includes('\u2019') ? lower.replace(/\u2019/gu, "'") : lower;
}
