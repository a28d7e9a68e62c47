// Turn ranked stories into a Digest: summarize each, number its sources, attach [n] markers.
import { basename } from 'node:path';
import type { Digest, DigestStory } from '../domain/digest.ts';
import type { Summarizer, SummaryBudget } from '../summarize/types.ts';
import { onlyHere } from '../summarize/updates.ts';
import { numberSources } from './number-sources.ts';
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
}

export async function buildDigest(stories: readonly StoryMaterial[], options: BuildDigestOptions): Promise<Digest> {
  const chosen = rankStories(stories, options.now).slice(0, options.size);
  const out: DigestStory[] = [];
  for (const material of chosen) out.push(await buildDigestStory(material, options));
  return { generatedAt: options.now.toISOString(), stories: out };
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
    const unnamed = article.url === null && article.path !== null && basename(article.path).startsWith(article.source);
    return [{ source: unnamed ? `[${numberOf.get(article.id) ?? '?'}]` : article.source, text: entry.sentence }];
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
    sources,
    articleCount: material.articles.length,
    firstSeen: first,
    lastUpdated: last,
    onlyHere: exclusive,
  };
}
