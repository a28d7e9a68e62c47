// Per-feed polling state behind a two-method port: plain JSON per feed URL, so a keyv namespace (or any
// key-value store) can back it. The in-memory twin serves tests and `feed check`.

export interface FeedErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly at: string;
}

export interface FeedState {
  readonly url: string;
  /** Feed URL found by autodiscovery when `url` is an HTML page; fetched instead of `url`. */
  readonly resolvedUrl: string | null;
  readonly title: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: FeedErrorInfo | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  /** Set after 410 Gone: the feed is not polled again until someone re-enables it. */
  readonly disabled: boolean;
  /** Item ids already returned, newest first, capped: only unseen items become Articles. */
  readonly seenIds: readonly string[];
}

export interface FeedStateStore {
  get(url: string): Promise<FeedState | undefined>;
  set(url: string, state: FeedState): Promise<void>;
}

export function createMemoryFeedStateStore(): FeedStateStore & { readonly size: number } {
  const states = new Map<string, string>();
  return {
    get size() {
      return states.size;
    },
    get: (url) => {
      const json = states.get(url);
      // Round-trips through JSON so tests catch state that would not survive a real store.
      return Promise.resolve(json === undefined ? undefined : (JSON.parse(json) as FeedState));
    },
    set: (url, state) => {
      states.set(url, JSON.stringify(state));
      return Promise.resolve();
    },
  };
}
