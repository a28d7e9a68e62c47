// The headlines to suggest when /story (or `news-digest story`) finds nothing: the same headline the
// digest shows for each story, made by the same summarizer, not the title of the story's first article
// (a reader would look for a headline they were never shown).
import { isShowable } from '../digest/build-digest.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import type { DigestStory } from '../domain/digest.ts';

export async function recentHeadlines(
  recent: readonly StoryMaterial[],
  present: (material: StoryMaterial) => Promise<DigestStory>,
): Promise<string[]> {
  const headlines: string[] = [];
  for (const material of recent) {
    const story = await present(material);
    // A story the digest leaves out is not suggested either.
    if (isShowable(story)) headlines.push(story.headline);
  }
  return headlines;
}
