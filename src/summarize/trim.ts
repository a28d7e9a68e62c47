// Trimmed variants of candidate sentences: the main clause without a trailing modifier. News sentences
// often end in a clause that adds colour or attribution to a complete statement ("..., according to three
// officials.", "..., a milestone that experts warned is further proof ...", "..., saying it did not align
// with U.S. interests."). Offering the sentence without it next to the whole sentence lets coverage
// selection spend the word budget on another fact instead (the trimming step of multi-document summarizers
// such as Zajic et al. 2007's Trimmer and Berg-Kirkpatrick et al. 2011's joint extraction and compression,
// limited here to the one cut that always leaves a grammatical sentence: at a comma before a subordinate
// clause, a participle or an appositive, with a main clause before it). The same cut rescues an excerpt that a
// feed or story page cut off mid-sentence, which is otherwise refused: its first main clause is whole.
import { contentTerms, type Candidate } from './candidates.ts';
import { boilerplateReason, SENTENCE_END, type SentenceLimits } from './boilerplate.ts';
import { words } from '../text/tokens.ts';

// Words that open a trailing modifier after a comma. Not "and", "but", "or" (the rest is a second main
// clause that may change the first one's meaning) nor "that" (a clause the verb before it may need).
const MODIFIER_START =
  /,\s+(?=(which|who|whose|where|while|as|after|before|amid|according|including|saying|citing|adding|following|despite|with|marking|a|an|the|in an?|days?|weeks?|months?|hours?|just|possibly|potentially|likely|part of)\b)/g;

const SECOND_CLAUSE = /,\s+(?=(?:and|but|yet|so|or)\b)/g;

const APPOSITIVE_CLAUSE = /\b(?:that|who|which|whose|where|when|after|since|said|says|announced|reported|told)\b/;

export interface TrimmedVariant {
  readonly text: string;
  /** Tokens the trimmed text keeps: a prefix of the sentence's tokens. */
  readonly tokenCount: number;
}

/**
 * Trimmed forms of one sentence, longest first: every cut at a comma before a trailing modifier that leaves a
 * statement of at least `minWords` words. A sentence with a quotation is never cut (a quote stays whole).
 */
export function trimmedVariants(
  candidate: Pick<Candidate, 'text' | 'tokens'>,
  limits: SentenceLimits & { readonly minTrimmedWords: number },
): TrimmedVariant[] {
  const { text } = candidate;
  // A sentence that does not end in . ! or ? was cut off (or is a label); a cut before its end still leaves a
  // whole main clause, which the boilerplate check below then has to accept as a statement.
  if (text.includes('"')) return [];
  const cuts: number[] = [];
  for (const match of text.matchAll(MODIFIER_START)) {
    // ", a humanitarian crisis and a terrorist threat." continues a list; an appositive that may go says
    // something of its own (", a milestone that ...", ", the club announced Monday.").
    if (/^(?:a|an|the)$/.test(match[1]!) && !APPOSITIVE_CLAUSE.test(text.slice(match.index + match[0].length))) continue;
    cuts.push(match.index);
  }
  if (!SENTENCE_END.test(text)) {
    // A cut-off excerpt: its second main clause ("..., but reiterated that Trump is taking North") is lost
    // anyway, so the first one is the most of it a summary can use; and one cut off right after a comma
    // ("... has been referred to the FBI for review,") ends its main clause there.
    for (const match of text.matchAll(SECOND_CLAUSE)) cuts.push(match.index);
    if (/,$/.test(text)) cuts.push(text.length - 1);
    cuts.sort((x, y) => x - y);
  }
  const out: TrimmedVariant[] = [];
  for (const cut of cuts) {
    const prefix = text.slice(0, cut).replace(/[\s,;:-]+$/, '');
    if (/[([]/.test(prefix) && !/[)\]]/.test(prefix)) continue;
    const trimmed = `${prefix}${/\?$/.test(text) ? '?' : /!$/.test(text) ? '!' : '.'}`;
    const tokens = words(trimmed);
    if (tokens.length < limits.minTrimmedWords) continue;
    // The trimmed tokens must be the sentence's first tokens, so its concepts are the sentence's first pairs.
    if (tokens.some((t, k) => t !== candidate.tokens[k])) continue;
    if (boilerplateReason(trimmed, limits, tokens) !== null) continue;
    out.push({ text: trimmed, tokenCount: tokens.length });
  }
  return out.reverse();
}

/** The candidate fields of a trimmed variant (everything but the vector and score, which the caller adds). */
export function trimmedCandidate(original: Candidate, variant: TrimmedVariant): Candidate {
  return {
    ...original,
    // The trimmed text passed the boilerplate check itself (trimmedVariants), even where the whole did not.
    refused: false,
    key: `${original.key}~${variant.tokenCount}`,
    text: variant.text,
    wordCount: variant.text.split(/\s+/).filter((w) => w !== '').length,
    tokens: original.tokens.slice(0, variant.tokenCount),
    terms: contentTerms(variant.text),
  };
}
