// Word-level caches for the hot path: one Map lookup per token yields everything the engine needs about a
// word (its stemmed term id or "not a content word", and its fingerprint hash), instead of separate
// stopword, stem, vocabulary and hash lookups. Stemming and hashing happen once per distinct word.
import { hashString } from '../dedupe/hash.ts';
import { looksLikeName, nameKey } from '../text/names.ts';
import { isStopword, stem } from '../text/tokens.ts';
import { SpanTable } from './span-table.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Name features live in the vocabulary under this prefix, beside stemmed terms. */
export const NAME_PREFIX = '#';

export interface Lexicon {
  /**
   * Index of the token text.slice(start, end) as written (case kept) in the tables below, found without
   * making the substring; `hash` is the span's span-table.ts `hashSpan`. One lookup per token, so
   * lower-casing, possessive stripping and the name test run once per distinct spelling, not per occurrence.
   */
  tokenAtHashed(text: string, start: number, end: number, hash: number): number;
  /**
   * The token's index when it is known, else -1 (then tokenAtHashed adds it): the per-word fast path, small
   * enough for V8 to inline into the scanning loop, with the rare first-sight work kept out of it.
   */
  knownToken(text: string, start: number, end: number, hash: number): number;
  /**
   * Name feature id for a word used as a name, or -1 when its variant key is too short to mean anything; the
   * token's written form is noted as a spelling of the name.
   */
  nameOf(word: number, token: number): number;
  isName(termId: number): boolean;
  /**
   * What the engine reads per token occurrence, four int32s per token in one place (one cache line instead
   * of a lookup in each per-word table): at 4 * token + TOKEN_WORD, TOKEN_TERM, TOKEN_HASH, TOKEN_CAPITAL.
   * Replaced when it grows: read it again after new tokens.
   */
  readonly tokenInfo: Int32Array;
  /** One past the largest word index so far: sizes per-word scratch arrays. */
  readonly wordLimit: number;
  /** One past the largest term or name id handed out so far: sizes per-term scratch arrays. */
  readonly idLimit: number;
}

/** Offsets in Lexicon.tokenInfo: word index, content term id (or -1), word hash as int32, 1 if capitalised. */
export const TOKEN_WORD = 0;
export const TOKEN_TERM = 1;
export const TOKEN_HASH = 2;
export const TOKEN_CAPITAL = 3;

const UNKNOWN_NAME = -2;

export function createLexicon(vocabulary: Vocabulary): Lexicon {
  const words = new Map<string, number>();
  const lowers: string[] = [];
  // Tokens as written, found straight from a span of the text: their word and whether they look like part
  // of a name, by token id.
  const tokens = new SpanTable();
  const tokenRaws: string[] = [];
  let tokenInfo = new Int32Array(4 << 14);
  let termIds = new Int32Array(1 << 14);
  let hashes = new Uint32Array(1 << 14);
  // Name feature id by word index (UNKNOWN_NAME until first used as a name), and tokens whose spelling is noted.
  let wordNames = new Int32Array(1 << 14).fill(UNKNOWN_NAME);
  const tokenNoted: boolean[] = [];
  let nameFlags = new Uint8Array(1 << 14);
  let idLimit = 0;

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
      const grownNames = new Int32Array(wordNames.length * 2).fill(UNKNOWN_NAME);
      grownNames.set(wordNames);
      wordNames = grownNames;
    }
    let term = -1;
    if (lower.length >= 2 && !isStopword(lower)) {
      term = vocabulary.id(stem(lower));
      vocabulary.noteSurface(term, lower);
    }
    termIds[index] = term;
    if (term >= idLimit) idLimit = term + 1;
    hashes[index] = hashString(lower);
    return index;
  }

  function tokenAtHashed(text: string, start: number, end: number, hash: number): number {
    let index = tokens.findHashed(text, start, end, hash);
    if (index < 0) {
      index = tokens.add(text, start, end);
      addToken(index, ownCopy(text, start, end));
    }
    return index;
  }

  function addToken(index: number, raw: string): void {
    if (4 * index >= tokenInfo.length) {
      const grown = new Int32Array(tokenInfo.length * 2);
      grown.set(tokenInfo);
      tokenInfo = grown;
    }
    tokenRaws.push(raw);
    const lower = raw.toLowerCase();
    const wordIndex = word(normalizeToken(lower));
    const at = 4 * index;
    tokenInfo[at + TOKEN_WORD] = wordIndex;
    tokenInfo[at + TOKEN_TERM] = termIds[wordIndex]!;
    tokenInfo[at + TOKEN_HASH] = hashes[wordIndex]! | 0;
    tokenInfo[at + TOKEN_CAPITAL] = lower.charCodeAt(0) !== raw.charCodeAt(0) && looksLikeName(raw, lower, false) ? 1 : 0;
  }

  return {
    tokenAtHashed,
    knownToken: (text, start, end, hash) => tokens.findHashed(text, start, end, hash),
    nameOf(index, token) {
      let id = wordNames[index]!;
      if (id === UNKNOWN_NAME) {
        const key = nameKey(lowers[index]!);
        id = key.length < 2 ? -1 : vocabulary.id(NAME_PREFIX + key);
        wordNames[index] = id;
        if (id >= idLimit) idLimit = id + 1;
        if (id >= 0) flagName(id);
      }
      // Noting a token's spelling a second time changes nothing: once per token is enough.
      if (id >= 0 && tokenNoted[token] !== true) {
        vocabulary.noteSurface(id, stripPossessive(tokenRaws[token]!));
        tokenNoted[token] = true;
      }
      return id;
    },
    isName: (termId) => nameFlags[termId] === 1,
    get tokenInfo() {
      return tokenInfo;
    },
    get wordLimit() {
      return lowers.length;
    },
    get idLimit() {
      return idLimit;
    },
  };
}

/**
 * text.slice(start, end) as a string of its own. V8 makes a longer substring a view that keeps the whole
 * text alive, and the lexicon lives as long as the engine: it must not hold on to an article per long token.
 */
function ownCopy(text: string, start: number, end: number): string {
  // Substrings this short are copied anyway.
  if (end - start < 13) return text.slice(start, end);
  const codes: number[] = [];
  for (let i = start; i < end; i += 1) codes.push(text.charCodeAt(i));
  return String.fromCharCode(...codes);
}

/** The word without a possessive "'s" (straight or curly apostrophe, either case of s). */
function stripPossessive(raw: string): string {
  const n = raw.length;
  const c = raw.charCodeAt(n - 2);
  return n > 2 && (raw.charCodeAt(n - 1) | 32) === 115 && (c === 39 || c === 0x2019) ? raw.slice(0, n - 2) : raw;
}

/** Lower-case form as tokens.ts `words` gives it: possessive "'s" dropped, curly apostrophe straightened. */
function normalizeToken(lower: string): string {
  const stripped = stripPossessive(lower);
  return stripped.includes('\u2019') ? stripped.replace(/\u2019/gu, "'") : stripped;
}
