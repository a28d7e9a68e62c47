// /story <query>: the best-matching story in full, or the closest headlines when nothing matches. When no
// active story matches, the archive is searched (retired stories, see digest/archive-search.ts).
import type { CommandReply, CommandRequest } from './types.ts';
import type { CommandServices } from './services.ts';
import { findStories } from './find-story.ts';
import { recentHeadlines } from './recent-headlines.ts';

export async function handleStory(request: CommandRequest, services: CommandServices): Promise<CommandReply> {
  const query = request.text.trim();
  if (query === '') {
    return {
      visibility: 'ephemeral',
      text: 'Tell me what to look for, e.g. `/story nato summit`. Stories in the digests come first; older ones are looked up in the archive.',
    };
  }
  const found = findStories(query, services.stories());
  const best = found.matches[0];
  if (best === undefined) {
    const archived = findStories(query, (await services.archivedStories?.(query)) ?? []).matches[0];
    if (archived !== undefined) {
      return {
        visibility: 'channel',
        text: 'From the archive: this story is no longer in the digests.',
        stories: [await services.present(archived.material)],
      };
    }
    const items = await recentHeadlines(found.recent, (material) => services.present(material));
    return {
      visibility: 'ephemeral',
      text: items.length > 0 ? `No story matches "${query}". Recent stories:` : `No story matches "${query}" yet.`,
      items,
    };
  }
  return { visibility: 'channel', stories: [await services.present(best.material)] };
}
