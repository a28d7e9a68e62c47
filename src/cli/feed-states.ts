// `news-digest feed health`: the polling state the running bot keeps in the store, for every feed it
// polls (configured ones and those added from chat).
import { openApp } from '../app/open-app.ts';
import { keyvFeedStateStore } from '../app/feed-service.ts';
import { normalizeFeedUrl } from '../ingest/feeds/poller.ts';
import type { FeedState } from '../ingest/feeds/state-store.ts';
import type { CommandContext } from './command.ts';
import { loadFromContext } from './shared-flags.ts';

export async function loadFeedStates(context: CommandContext): Promise<FeedState[]> {
  const loaded = loadFromContext(context);
  const app = await openApp(loaded);
  try {
    const urls = [
      ...loaded.config.sources.flatMap((s) => (s.type === 'feed' ? [s.url] : [])),
      ...(await app.feeds.list()).map((f) => f.url),
    ].map(normalizeFeedUrl);
    const store = keyvFeedStateStore(app.keyv);
    const states: FeedState[] = [];
    for (const url of new Set(urls)) {
      const state = await store.get(url);
      if (state !== undefined) states.push(state);
    }
    return states;
  } finally {
    await app.close();
  }
}
