// Everything known about one story, gathered from the engine and the article store: the input of
// ranking, summarizing and rendering.
import type { Article } from '../domain/article.ts';
import type { Story } from '../domain/story.ts';

export interface StoryArticle {
  readonly article: Article;
  /** The article this one rewrites, or null for an original report. */
  readonly rewriteOf: string | null;
  /** When the bot ingested it, ISO 8601: the fallback time for undated articles. */
  readonly ingestedAt: string;
}

export interface StoryMaterial {
  readonly story: Story;
  /** The story's articles in arrival order. */
  readonly articles: readonly StoryArticle[];
}

/** Time an article counts for: its publication time, or when we first saw it. */
export function articleTime(item: StoryArticle): string {
  return item.article.published ?? item.ingestedAt;
}

/** Original reports (not rewrites) of a story, in arrival order. */
export function originals(material: StoryMaterial): StoryArticle[] {
  const ids = new Set(material.articles.map((a) => a.article.id));
  return material.articles.filter((a) => a.rewriteOf === null || !ids.has(a.rewriteOf));
}

export function firstAndLast(material: StoryMaterial): { first: string | null; last: string | null } {
  const times = material.articles.map(articleTime).sort();
  return { first: times[0] ?? null, last: times.at(-1) ?? null };
}
