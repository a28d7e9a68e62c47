// What a renderer receives: everything needed to show stories, nothing platform-specific.
import type { Article } from './article.ts';
import type { SummarySentence } from './story.ts';

export interface DigestSource {
  /** 1-based number used by the [n] markers in the summary. */
  readonly n: number;
  readonly article: Article;
  /** Articles that republish this one ("also republished by ..."). */
  readonly rewrites: readonly Article[];
}

export interface DigestStory {
  readonly id: string;
  readonly headline: string;
  /** Summary sentences; `markers` are the source numbers ([n]) that carry each sentence. */
  readonly summary: readonly (SummarySentence & { readonly markers: readonly number[] })[];
  /** Original reports, numbered; rewrites hang under the article they copy. */
  readonly sources: readonly DigestSource[];
  /** Count of distinct articles, rewrites included. */
  readonly articleCount: number;
  readonly firstSeen: string | null;
  readonly lastUpdated: string | null;
  /** Facts a single outlet reports ("Only <source> reports ..."), best first; empty for one-source stories. */
  readonly onlyHere?: readonly { readonly source: string; readonly text: string }[];
}

export interface Digest {
  readonly generatedAt: string;
  readonly stories: readonly DigestStory[];
}
