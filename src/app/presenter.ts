// Summarize each story version once, however many channels post it: the summary depends only on the
// story's articles, so (story id, article count) identifies it.
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
