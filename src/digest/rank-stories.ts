// Which stories lead a digest: the ones most outlets report, then the freshest.
import { firstAndLast, originals, type StoryMaterial } from './story-material.ts';

export function rankStories(stories: readonly StoryMaterial[]): StoryMaterial[] {
  const keyed = stories.map((material) => ({
    material,
    sources: new Set(originals(material).map((a) => a.article.source)).size,
    reports: originals(material).length,
    last: firstAndLast(material).last ?? '',
  }));
  keyed.sort(
    (a, b) =>
      b.sources - a.sources ||
      b.reports - a.reports ||
      b.last.localeCompare(a.last) ||
      a.material.story.id.localeCompare(b.material.story.id),
  );
  return keyed.map((k) => k.material);
}
