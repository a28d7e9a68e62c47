import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article.ts';
import { startPollLoop } from '../../../src/ingest/feeds/poll-loop.ts';
import { createFeedPoller } from '../../../src/ingest/feeds/poller.ts';
import { createMemoryFeedStateStore } from '../../../src/ingest/feeds/state-store.ts';
import { createFakeFetcher } from './fake-fetcher.ts';
import { RSS2 } from './fixtures.ts';

/** Lets pending promise chains run until `done()` holds (bounded, no real waiting). */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

describe('poll loop', () => {
  it('sleeps until the next due feed, polls, hands articles on, reports failures, and stops', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const fetcher = createFakeFetcher({ 'https://ok.example/feed': RSS2, 'https://bad.example/feed': new Error('connection reset') });
    const poller = createFeedPoller({ fetcher, store: createMemoryFeedStateStore(), now: () => now, random: () => 0.5 }, [
      'https://ok.example/feed',
      'https://bad.example/feed',
    ]);
    const timers: Array<{ callback: () => void; ms: number }> = [];
    const delivered: Article[] = [];
    const errors: Array<{ code: unknown; url: string | undefined }> = [];
    const loop = startPollLoop({
      poller,
      now: () => now,
      onArticles: (articles) => {
        delivered.push(...articles);
        return Promise.resolve();
      },
      onError: (error, context) => errors.push({ code: (error as { code?: unknown }).code, url: context.url }),
      setTimer: (callback, ms) => timers.push({ callback, ms }),
      clearTimer: () => undefined,
      maxSleepMs: 24 * 3600_000,
    });
    const expectedFirstDelay = ((await poller.nextDueAt()) ?? 0) - now;
    await settle(() => timers.length === 1);
    expect(timers[0]?.ms).toBe(expectedFirstDelay);
    expect(expectedFirstDelay).toBeLessThanOrEqual(15 * 60_000);

    // Fire timers with the clock moved forward until both feeds have had their first poll (the failing
    // one may be retried a few times first: its backoff starts at one minute).
    for (let round = 0; round < 10 && (delivered.length === 0 || errors.length === 0); round += 1) {
      const timer = timers.shift();
      now += timer?.ms ?? 0;
      timer?.callback();
      await settle(() => timers.length === 1);
    }
    expect(delivered.map((a) => a.title)).toEqual(['Council approves & funds new bridge', 'No link here']);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e) => `${String(e.code)} ${e.url}`))).toEqual(new Set(['FEED_POLL_FAILED https://bad.example/feed']));
    expect(fetcher.requests.filter((r) => r.url === 'https://ok.example/feed')).toHaveLength(1);
    await loop.stop();
  });
});
