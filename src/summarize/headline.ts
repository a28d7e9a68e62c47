// The story's headline: the article title closest to what the whole story says, cleaned of site names and
// clickbait punctuation. Never a boilerplate line ("403", "Sorry!!", "Home | Site").
import type { Article } from '../domain/article.ts';
import { normalizePunctuation, collapseSpaces } from '../text/normalize.ts';
import { words } from '../text/tokens.ts';
import { contentTerms } from './candidates.ts';
import type { StoryModel } from './story-model.ts';
import { cosine, unitVector } from './vectors.ts';

// A title shorter than this is a label or an error code, not a headline.
const MIN_HEADLINE_WORDS = 3;
// Past this a "title" is a paragraph that landed in the title field.
const MAX_HEADLINE_WORDS = 30;
// When no title will do, a headline is cut from the best sentence at about this many words.
const FALLBACK_HEADLINE_WORDS = 16;

const LABEL_PREFIX = /^(breaking( news)?|watch|video|live|exclusive|update[d]?|just in|opinion|analysis|photos?)\s*[:|-]\s*/i;
const BAD_TITLE = /^(\d{3}\b|error\b|sorry\b|oops\b|page not found|not found|access denied|forbidden|home\b|untitled)|\b(page (you|you're) (were |are )?looking for|subscribe|sign in|log in)\b/i;

/** A title without the site name, label prefix, emoji and shouting punctuation. */
export function cleanTitle(title: string, source = ''): string {
  let out = collapseSpaces(normalizePunctuation(title).replace(/\s+/g, ' '));
  out = out.replace(/[\p{Extended_Pictographic}\u{FE0F}]/gu, '').trim();
  out = stripSiteSuffix(out, source);
  out = out.replace(LABEL_PREFIX, '');
  // "!!!", "?!" and a closing "!" are volume, not content; a real question keeps one "?".
  out = out.replace(/([!?])[!?]+/g, (_, first: string) => (first === '?' ? '?' : '!')).replace(/!$/, '');
  return collapseSpaces(out).replace(/[\s:;,|-]+$/, '');
}

function stripSiteSuffix(title: string, source: string): string {
  const match = /^(.{12,}?)\s+(?:\||-|::|\u2022|\u00B7)\s+([^|]{2,60})$/u.exec(title);
  if (match === null) return title;
  const [, head, tail] = match as unknown as [string, string, string];
  const sourceWords = words(source).join(' ');
  const tailWords = words(tail);
  const looksLikeSite =
    /\|/.test(title.slice(head.length)) ||
    /\.(com|org|net|co|uk|ru|news|info|io)\b/i.test(tail) ||
    (sourceWords !== '' && tailWords.join(' ').includes(sourceWords)) ||
    (tailWords.length <= 4 && tail.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w)));
  return looksLikeSite ? head : title;
}

export function isUsableHeadline(title: string): boolean {
  const n = words(title).length;
  return n >= MIN_HEADLINE_WORDS && n <= MAX_HEADLINE_WORDS && !BAD_TITLE.test(title) && /\p{L}{3}/u.test(title);
}

/**
 * The most representative title: highest cosine to the story centroid, plus agreement with the other
 * titles (a framing several outlets share beats one outlet's spin). Falls back to the best summary
 * sentence, shortened, when no article has a usable title.
 */
export function chooseHeadline(model: StoryModel, articles: readonly Article[], fallbackSentence: string | undefined): string {
  const titles = articles
    .map((a) => cleanTitle(a.title, a.source))
    .filter(isUsableHeadline);
  const vectors = titles.map((t) => unitVector(contentTerms(t), model.vocabulary, model.weight));
  let best: string | undefined;
  let bestScore = -Infinity;
  titles.forEach((title, i) => {
    const v = vectors[i]!;
    let agreement = 0;
    vectors.forEach((other, j) => {
      if (j !== i) agreement += cosine(v, other);
    });
    const score = cosine(v, model.centroid) + (titles.length > 1 ? agreement / (titles.length - 1) : 0);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = title;
    }
  });
  if (best !== undefined) return best;
  return fallbackSentence === undefined ? '' : headlineFromSentence(fallbackSentence);
}

function headlineFromSentence(sentence: string): string {
  const trimmed = sentence.replace(/[.!?]+["')\]]*$/, '');
  const tokens = trimmed.split(/\s+/);
  if (tokens.length <= FALLBACK_HEADLINE_WORDS) return trimmed;
  // Cut at the last clause boundary inside the limit, or at the limit.
  const head = tokens.slice(0, FALLBACK_HEADLINE_WORDS).join(' ');
  const comma = head.lastIndexOf(',');
  // No trailing "...": a headline that trails off reads as a teaser.
  return comma > head.length / 2 ? head.slice(0, comma) : head;
}
