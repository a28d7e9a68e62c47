// The JSON form of a digest (`news-digest digest --format json`): a stable shape for scripts.
import type { Digest } from '../domain/digest.ts';

export interface DigestJson {
  stories: {
    id: string;
    headline: string;
    summary: { text: string; sources: string[] }[];
    articles: {
      id: string;
      title: string;
      source: string;
      url: string | null;
      path: string | null;
      published: string | null;
      /** The original report this article republishes, or null for an original. */
      rewriteOf: string | null;
    }[];
  }[];
}

export function digestToJson(digest: Digest): DigestJson {
  return {
    stories: digest.stories.map((story) => ({
      id: story.id,
      headline: story.headline,
      summary: story.summary.map((s) => ({ text: s.text, sources: [...s.sources] })),
      articles: story.sources.flatMap((source) => [
        { ...articleFields(source.article), rewriteOf: null },
        ...source.rewrites.map((copy) => ({ ...articleFields(copy), rewriteOf: source.article.id })),
      ]),
    })),
  };
}

function articleFields(article: Digest['stories'][number]['sources'][number]['article']) {
  const { id, title, source, url, path, published } = article;
  return { id, title, source, url, path, published };
}
