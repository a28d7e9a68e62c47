// How the running bot reports feed failures: one warning line when a feed starts failing (or fails in a
// new way), a debug line with the stack for every further failed poll, one info line when it recovers.
// A feed that is down for a day is polled dozens of times; a stack trace per poll buried everything else.
import { NewsDigestError } from '../domain/errors.ts';
import type { FeedPollOutcome } from '../ingest/feeds/poller.ts';
import type { Logger } from '../ops/logger.ts';

export interface FeedFailureLog {
  /** One poll's outcome: a failure, a feed the poller has now stopped (410 Gone), or a success. */
  record(outcome: Pick<FeedPollOutcome, 'url' | 'status' | 'error'>): void;
  failed(url: string, error: unknown): void;
  succeeded(url: string): void;
}

export function createFeedFailureLog(logger: Logger): FeedFailureLog {
  /** Feeds failing now, with the error code of their current incident. */
  const failing = new Map<string, string>();
  const log: FeedFailureLog = {
    record(outcome) {
      if (outcome.status === 'ok' || outcome.status === 'not-modified') log.succeeded(outcome.url);
      else if (outcome.error === null) return; // a feed stopped earlier, skipped without a poll
      else if (outcome.status === 'disabled') {
        failing.delete(outcome.url);
        logger.warn(`feed ${outcome.url} stopped: ${firstLine(outcome.error)} [${outcome.error.code}]; it is no longer polled (fix or remove it)`);
      } else log.failed(outcome.url, outcome.error);
    },
    failed(url, error) {
      const code = error instanceof NewsDigestError ? error.code : 'UNEXPECTED';
      const text = `${firstLine(error)} [${code}]`;
      if (failing.get(url) === code) {
        logger.debug?.(`feed ${url} still failing: ${text}`, error);
        return;
      }
      failing.set(url, code);
      logger.warn(`feed ${url} failing: ${text}; retried with backoff, 'news-digest feed health' shows its state`);
      logger.debug?.(`feed ${url} failure detail`, error);
    },
    succeeded(url) {
      if (failing.delete(url)) logger.info(`feed ${url} recovered`);
    },
  };
  return log;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
