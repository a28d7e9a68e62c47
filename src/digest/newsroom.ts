// The bot's memory of articles and stories: the story engine plus the article store. New articles go
// through intake() once; replay() rebuilds the engine from the store after a restart.
import type { Article } from '../domain/article.ts';
import type { StoryEngine } from '../cluster/types.ts';
import type { ArticleRepository, StoredArticle } from '../store/article-repository.ts';
import type { StoryMaterial } from './story-material.ts';

export interface IntakeResult {
  /** Articles stored for the first time. */
  readonly added: readonly Article[];
  /** Of those, how many rewrite an earlier article. */
  readonly rewrites: number;
  /** Stories opened by this intake. */
  readonly newStories: number;
  /** Articles skipped because the store already had them (a restart, or the same file read again). */
  readonly alreadyKnown: number;
}

export interface Newsroom {
  replay(): Promise<number>;
  /** Add to the engine what other instances stored since the last replay or refresh; returns how many. */
  refresh(): Promise<number>;
  intake(articles: readonly Article[], onProgress?: (done: number, total: number) => void): Promise<IntakeResult>;
  /** Every story with its articles. */
  materials(): StoryMaterial[];
  material(storyId: string): StoryMaterial | undefined;
  readonly engine: StoryEngine;
}

export function createNewsroom(engine: StoryEngine, repository: ArticleRepository, now: () => Date): Newsroom {
  const records = new Map<string, StoredArticle>();
  let seenSeq = 0;

  const absorb = (stored: readonly StoredArticle[]) => {
    let count = 0;
    for (const record of stored) {
      seenSeq = Math.max(seenSeq, record.seq);
      if (records.has(record.article.id)) continue;
      records.set(record.article.id, record);
      engine.add(record.article);
      count += 1;
    }
    return count;
  };

  function toMaterial(storyId: string): StoryMaterial | undefined {
    const story = engine.story(storyId);
    if (story === undefined) return undefined;
    const articles = story.articleIds.flatMap((id) => {
      const record = records.get(id);
      return record === undefined
        ? []
        : [{ article: record.article, rewriteOf: record.assignment.rewriteOf, ingestedAt: record.ingestedAt }];
    });
    return { story, articles };
  }

  return {
    engine,
    replay: async () => absorb(await repository.all()),
    refresh: async () => absorb(await repository.since(seenSeq)),
    async intake(articles, onProgress) {
      const added: Article[] = [];
      let rewrites = 0;
      let newStories = 0;
      let alreadyKnown = 0;
      const ordered = inArrivalOrder(articles);
      for (const [index, article] of ordered.entries()) {
        if (records.has(article.id) || (await repository.has(article.id))) {
          alreadyKnown += 1;
        } else {
          const assignment = engine.add(article);
          const record = await repository.add(article, assignment, now().toISOString());
          records.set(article.id, record);
          seenSeq = Math.max(seenSeq, record.seq);
          added.push(article);
          if (assignment.rewriteOf !== null) rewrites += 1;
          if (engine.story(assignment.storyId)?.articleIds.length === 1) newStories += 1;
        }
        onProgress?.(index + 1, ordered.length);
      }
      return { added, rewrites, newStories, alreadyKnown };
    },
    materials: () => engine.stories().flatMap((story) => toMaterial(story.id) ?? []),
    material: toMaterial,
  };
}

/** Online clustering sees articles in time order; undated ones keep their given order, after dated ones. */
function inArrivalOrder(articles: readonly Article[]): Article[] {
  const unique = [...new Map(articles.map((a) => [a.id, a])).values()];
  return unique
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (a.article.published ?? '\uffff').localeCompare(b.article.published ?? '\uffff') || a.index - b.index)
    .map((x) => x.article);
}
