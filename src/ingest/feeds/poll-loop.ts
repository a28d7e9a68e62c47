// The running bot's feed loop: sleeps until the poller's next due time, polls, hands articles on.
// Timers are injected so tests drive it without waiting. Returns its stop (ARCHITECTURE.md rule 7).
import type { Article } from '../../domain/article.ts';
import type { FeedPollOutcome, FeedPoller } from './poller.ts';

export interface PollLoopDeps {
  readonly poller: FeedPoller;
  readonly now: () => number;
  readonly onArticles: (articles: Article[]) => Promise<void>;
  /** Every failed feed poll and every failure of onArticles; the loop itself keeps going. */
  readonly onError: (error: unknown, context: { url?: string }) => void;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Upper bound on one sleep, so feeds added by setFeeds() are noticed. */
  readonly maxSleepMs?: number;
}

export interface PollLoop {
  /** Resolves after the poll in progress (if any) has finished. */
  stop(): Promise<void>;
}

export function startPollLoop(deps: PollLoopDeps): PollLoop {
  const setTimer = deps.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as NodeJS.Timeout));
  const maxSleep = deps.maxSleepMs ?? 60_000;
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> = Promise.resolve();

  const report = (outcome: FeedPollOutcome): void => {
    if (outcome.error !== null) deps.onError(outcome.error, { url: outcome.url });
  };

  const tick = async (): Promise<void> => {
    try {
      const { articles, outcomes } = await deps.poller.pollDue(deps.now());
      outcomes.forEach(report);
      if (articles.length > 0) await deps.onArticles(articles);
    } catch (error) {
      deps.onError(error, {});
    }
    await schedule();
  };

  const schedule = async (): Promise<void> => {
    if (stopped) return;
    let next: number | null = null;
    try {
      next = await deps.poller.nextDueAt();
    } catch (error) {
      deps.onError(error, {});
    }
    const delay = next === null ? maxSleep : Math.min(maxSleep, Math.max(0, next - deps.now()));
    if (stopped) return;
    handle = setTimer(() => {
      running = tick();
    }, delay);
  };

  running = schedule();
  return {
    async stop() {
      stopped = true;
      clearTimer(handle);
      await running;
    },
  };
}
