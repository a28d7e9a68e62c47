// Summarize each story version once, however many channels post it: the summary depends only on the
// story's articles, so (story id, article count) identifies it.
import { rankStories } from '../digest/rank-stories.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import type { DigestStory } from '../domain/digest.ts';
import { storyVersion } from '../store/post-repository.ts';

/** Versions kept; old ones are dropped first (a Map iterates in insertion order). */
const CACHE_LIMIT = 2_000;

export function createPresenter(build: (material: StoryMaterial) => Promise<DigestStory>): (material: StoryMaterial) => Promise<DigestStory> {
  const cache = new Map<string, Promise<DigestStory>>();
  return (material) => {
    const key = `${material.story.id}@${storyVersion(material.story.articleIds)}`;
    let story = cache.get(key);
    if (story === undefined) {
      story = build(material);
      // A failed summary is not cached: the next channel tries again.
      story.catch(() => cache.delete(key));
      cache.set(key, story);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value ?? key);
    }
    return story;
  };
}

/**
 * Summaries of the stories an intake changed, made right after it (the best `count` of them, in digest
 * order) instead of when a digest slot fires: the summary of a digest's first story is otherwise computed
 * before its first post, while every channel on that slot waits (tens of milliseconds for a big story), and
 * a /story reply finds it ready too. One at a time, so the event loop is never held longer than one summary.
 */
export async function presentAhead(
  present: (material: StoryMaterial) => Promise<DigestStory>,
  changed: readonly StoryMaterial[],
  count: number,
  now: Date,
): Promise<void> {
  for (const material of rankStories(changed, now).slice(0, count)) await present(material);
}
