// Number a story's sources for [n] markers: each original report gets a number; rewrites hang under
// the original they copy ("also republished by ..."), so five copies of one report are one source.
import type { Article } from '../domain/article.ts';
import type { DigestSource } from '../domain/digest.ts';
import { originals, type StoryMaterial } from './story-material.ts';

export interface NumberedSources {
  readonly sources: DigestSource[];
  /** Source number ([n]) of any article of the story, rewrites included. */
  readonly numberOf: ReadonlyMap<string, number>;
}

export function numberSources(material: StoryMaterial): NumberedSources {
  const byId = new Map(material.articles.map((a) => [a.article.id, a]));
  const originalIds = new Set(originals(material).map((a) => a.article.id));
  const numberOf = new Map<string, number>();
  const rewrites = new Map<string, Article[]>();
  let n = 0;
  for (const item of material.articles) {
    if (originalIds.has(item.article.id)) numberOf.set(item.article.id, ++n);
  }
  for (const item of material.articles) {
    if (originalIds.has(item.article.id)) continue;
    const root = rootOf(item.article.id, byId, originalIds);
    numberOf.set(item.article.id, numberOf.get(root) ?? 0);
    rewrites.set(root, [...(rewrites.get(root) ?? []), item.article]);
  }
  const sources = material.articles
    .filter((item) => originalIds.has(item.article.id))
    .map((item) => ({
      n: numberOf.get(item.article.id) ?? 0,
      article: item.article,
      rewrites: rewrites.get(item.article.id) ?? [],
    }));
  return { sources, numberOf };
}

/** Follow rewriteOf links to the original report; a cycle or dangling link stops at the last article seen. */
function rootOf(
  id: string,
  byId: ReadonlyMap<string, { readonly rewriteOf: string | null }>,
  originalIds: ReadonlySet<string>,
): string {
  const seen = new Set<string>();
  let current = id;
  while (!originalIds.has(current) && !seen.has(current)) {
    seen.add(current);
    const next = byId.get(current)?.rewriteOf;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current;
}
