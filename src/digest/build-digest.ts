// Turn ranked stories into a Digest: summarize each, number its sources, attach [n] markers.
import type { Digest, DigestStory } from '../domain/digest.ts';
import type { Summarizer, SummaryBudget } from '../summarize/types.ts';
import { onlyHere } from '../summarize/updates.ts';
import { numberSources } from './number-sources.ts';
import { outletIsFileName, withOutletLabel } from './outlet-label.ts';
import { rankStories } from './rank-stories.ts';
import { firstAndLast, type StoryMaterial } from './story-material.ts';

/** "Only X reports" lines per story: enough to show what is exclusive without burying the summary. */
const ONLY_HERE_SHOWN = 2;

export interface BuildDigestOptions {
  readonly summarizer: Summarizer;
  readonly budget: SummaryBudget;
  /** At most this many stories, best first. */
  readonly size: number;
  readonly now: Date;
  /** Told about each story left out for having no headline or no summary sentence (see isShowable). */
  readonly onLeftOut?: (story: DigestStory) => void;
}

export async function buildDigest(stories: readonly StoryMaterial[], options: BuildDigestOptions): Promise<Digest> {
  const out: DigestStory[] = [];
  for (const material of rankStories(stories, options.now)) {
    if (out.length >= options.size) break;
    const story = await buildDigestStory(material, options);
    if (isShowable(story)) out.push(story);
    else options.onLeftOut?.(story);
  }
  return { generatedAt: options.now.toISOString(), stories: out };
}

/**
 * A story is shown only with a headline and at least one summary sentence: a file holding "<p>hi</p>"
 * gives neither, and an entry that is a number and a source list tells the reader nothing. It stays in
 * the store and shows once an article with real text joins it.
 */
export function isShowable(story: DigestStory): boolean {
  return story.headline.trim() !== '' && story.summary.some((sentence) => sentence.text.trim() !== '');
}

export async function buildDigestStory(
  material: StoryMaterial,
  options: Pick<BuildDigestOptions, 'summarizer' | 'budget'>,
): Promise<DigestStory> {
  const rewriteOf = new Map<string, string>();
  for (const item of material.articles) if (item.rewriteOf !== null) rewriteOf.set(item.article.id, item.rewriteOf);
  const summary = await options.summarizer.summarize(
    { id: material.story.id, articles: material.articles.map((a) => a.article), rewriteOf },
    options.budget,
  );
  const { sources, numberOf } = numberSources(material);
  const { first, last } = firstAndLast(material);
  const byId = new Map(material.articles.map((a) => [a.article.id, a.article]));
  // "Only X reports" compares outlets, so rewrites (copies of an original) take no part: a paraphrase in a
  // republished copy is not a fact only that copy has.
  const reports = sources.map((source) => source.article);
  // Nor what the summary above already says: a summary sentence taken from a rewrite tells the original's
  // fact in other words, and the original would otherwise repeat it as exclusive.
  const said = summary.sentences.map((sentence) => sentence.text);
  const exclusive = onlyHere({ articles: reports }, undefined, said).slice(0, ONLY_HERE_SHOWN).flatMap((entry) => {
    const article = byId.get(entry.articleId);
    if (article === undefined) return [];
    // An outlet known only by its file name reads better as its source number: "Only [1] reports".
    return [{ source: outletIsFileName(article) ? `[${numberOf.get(article.id) ?? '?'}]` : article.source, text: entry.sentence }];
  });
  return {
    id: material.story.id,
    headline: summary.headline,
    summary: summary.sentences.map((sentence) => ({
      ...sentence,
      markers: [...new Set(sentence.sources.map((id) => numberOf.get(id) ?? 0).filter((n) => n > 0))].sort(
        (a, b) => a - b,
      ),
    })),
    // Named for readers only now: ranking and "Only X reports" above needed each file as its own outlet.
    sources: sources.map((source) => ({ ...source, article: withOutletLabel(source.article), rewrites: source.rewrites.map(withOutletLabel) })),
    articleCount: material.articles.length,
    firstSeen: first,
    lastUpdated: last,
    onlyHere: exclusive,
  };
}
