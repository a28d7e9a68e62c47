// What a channel has not seen of a story yet: sentences it was not shown and sources added since.
import type { StoryUpdate } from '../chat/sink.ts';
import type { DigestStory } from '../domain/digest.ts';
import type { PostRecord } from '../store/post-repository.ts';

const normalize = (text: string) => text.toLowerCase().replace(/\W+/g, ' ').trim();

/** The update to post, or null when the story grew without anything worth telling (e.g. only a rewrite). */
export function storyUpdate(story: DigestStory, previous: PostRecord): StoryUpdate | null {
  const seenArticles = new Set(previous.articleIds);
  const seenSentences = new Set((previous.sentences ?? []).map(normalize));
  const newSources = story.sources.filter((s) => !seenArticles.has(s.article.id)).map((s) => s.n);
  const newSentences = story.summary.filter((s) => !seenSentences.has(normalize(s.text)));
  if (newSources.length === 0 && newSentences.length === 0) return null;
  return { story, newSentences, newSources };
}
