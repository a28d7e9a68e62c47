// What a channel has not seen of a story yet, for a threaded update: the summarizer's whatsNew (only
// information from articles added since the post that neither the post nor the older articles carried),
// numbered like the story's sources.
import type { StoryUpdate } from '../chat/sink.ts';
import type { StoryMaterial } from '../digest/story-material.ts';
import type { DigestStory } from '../domain/digest.ts';
import type { PostRecord } from '../store/post-repository.ts';
import { whatsNew } from '../summarize/updates.ts';

/** The update to post, or null when the story grew without anything worth telling (e.g. only a rewrite). */
export function storyUpdate(material: StoryMaterial, story: DigestStory, previous: PostRecord): StoryUpdate | null {
  const rewriteOf = new Map<string, string>();
  for (const item of material.articles) if (item.rewriteOf !== null) rewriteOf.set(item.article.id, item.rewriteOf);
  const update = whatsNew(
    { sentences: (previous.sentences ?? []).map((text) => ({ text })), articleIds: previous.articleIds },
    { articles: material.articles.map((a) => a.article), rewriteOf },
  );
  if (update === null) return null;
  const numberOf = new Map<string, number>();
  for (const source of story.sources) {
    numberOf.set(source.article.id, source.n);
    for (const copy of source.rewrites) numberOf.set(copy.id, source.n);
  }
  const seen = new Set(previous.articleIds);
  const newSources = story.sources.filter((s) => !seen.has(s.article.id)).map((s) => s.n);
  const newSentences = update.sentences.map((sentence) => ({
    ...sentence,
    markers: [...new Set(sentence.sources.map((id) => numberOf.get(id) ?? 0).filter((n) => n > 0))].sort((a, b) => a - b),
  }));
  return { story, newSentences, newSources };
}
