// Sentences a summary must refuse even when the cleaner upstream missed them: site chrome (share prompts,
// disclaimers, credits, error pages), fragments without a verb, teasers cut off with "...".
// The summarizer checks this itself because cleaning is best-effort and a boilerplate line in a chat
// message is the most visible failure the bot can have.
import { words } from '../text/tokens.ts';

// Web-page chrome and legal/credit lines. Each pattern names a kind of line, not a site: they are phrased so
// that news sentences that merely mention the topic (a story *about* copyright law) do not match.
const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /\bshare (this|on|via)\b|\bshare\.$|^share\b/i,
  /\b(follow|like) us\b|\bsubscribe (to|for|now)\b|\bsign up (for|to)\b|\bnewsletter\b/i,
  /\b(telegram|whatsapp) channel\b/i,
  /\bread (the full|more|the original|about other)\b|\bclick here\b|\bcontinue reading\b/i,
  /\bleave a (reply|comment)\b|^comments?\b|\bno comments?\b/i,
  /\blegal disclaimer\b|\bwithout warranty\b|\b(accept|assume) (any|no) (responsibility|liability)\b/i,
  /\ball rights reserved\b|\bcopyright (©|\(c\)|\d{4}|issues)\b|©/i,
  /\b(terms of (use|service)|privacy policy|cookie policy|use of cookies)\b/i,
  /\bcontributed to this (article|report|story)\b|\b(reporting|editing|writing) by\b|\bauthor'?s name\b/i,
  /\bpage (you|you're) (were |are )?looking for\b|^error\b|\b(sorry|oops)\b.*\b(page|error|went wrong)\b/i,
  /\b(enable|turn on) javascript\b|\byour browser\b|\bad ?blocker\b/i,
  /\bhttps?:\/\/|\bwww\.|\S+@\S+\.\w{2,}/i,
  /\breport (a |spelling )?(error|typo)\b|\bexit mobile version\b/i,
  /\b(photo|image|video) (credit|courtesy)\b|\bgetty images\b/i,
];

// Auxiliaries and very common news verbs: a sentence with none of these and no -ed/-es/-s verb form is
// almost always a label, a byline or a headline fragment rather than a statement.
const VERBS = new Set(
  `is are was were be been being am has have had having do does did will would shall should can could may might
  must said says say told tells tell added asked warned noted stated announced claimed confirmed denied reported
  called wrote made make makes took take takes gave give gives got get gets went go goes came come comes saw
  see sees found find finds became become becomes left leave leaves began begin begins kept keep keeps held
  hold holds showed show shows set sets put puts ran run runs won win wins lost lose loses paid pay pays
  met meet meets sent send sends led lead leads built build builds spent spend spends fell fall falls rose rise
  rises struck strike strikes sought seek seeks brought bring brings thought think thinks knew know knows
  want wants need needs remain remains plan plans hope hopes expect expects face faces`.split(/\s+/),
);

export type BoilerplateReason = 'pattern' | 'too-short' | 'too-long' | 'no-verb' | 'teaser' | 'unterminated' | 'bracketed' | 'shouting';

export interface SentenceLimits {
  readonly minSentenceWords: number;
  readonly maxSentenceWords: number;
}

/** Ends in an ellipsis (closing quotes or brackets aside): a teaser, the rest is on another page. */
export const ELLIPSIS_END = /(\.\.\.|\u2026)["')\]]*$/;
/** Ends like a statement, in . ! or ? (closing quotes or brackets aside). */
export const SENTENCE_END = /[.!?]["')\]]*$/;

/** Text that stops without ending a sentence, or ends in an ellipsis: an excerpt cut off mid-sentence. */
export function isCutOff(text: string): boolean {
  return !SENTENCE_END.test(text) || ELLIPSIS_END.test(text);
}

/** The text is a kind of site chrome (a share prompt, a credit, a disclaimer...), whatever its shape. */
export function isBoilerplateText(text: string): boolean {
  return BOILERPLATE_PATTERNS.some((pattern) => pattern.test(text));
}

/** Why a sentence must not appear in a summary, or null when it may. */
export function boilerplateReason(
  sentence: string,
  limits: SentenceLimits,
  tokens: readonly string[] = words(sentence),
): BoilerplateReason | null {
  const text = sentence.trim();
  if (tokens.length < limits.minSentenceWords) return 'too-short';
  if (tokens.length > limits.maxSentenceWords) return 'too-long';
  // A teaser or truncated excerpt: the rest of the sentence is on another page.
  if (ELLIPSIS_END.test(text)) return 'teaser';
  // A statement ends like one; headlines, labels ("Legal Disclaimer:") and cut-off excerpts do not.
  if (!SENTENCE_END.test(text) && !/[.!?,]\s*["']\s*$/.test(text)) return 'unterminated';
  if (/^[([]/.test(text) && /[)\]][.!?]?$/.test(text)) return 'bracketed';
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return 'shouting';
  if (isBoilerplateText(text)) return 'pattern';
  if (!tokens.some(isVerbLike)) return 'no-verb';
  return null;
}

function isVerbLike(word: string): boolean {
  return VERBS.has(word) || /[a-z]{2,}ed$/.test(word) || /[a-z]{3,}(s|es)$/.test(word) || /n't$/.test(word);
}
