// How the running bot reports feed failures: one warning line when a feed starts failing (or fails in a
// new way), a debug line with the stack for every further failed poll, one info line when it recovers.
// A feed that is down for a day is polled dozens of times; a stack trace per poll buried everything else.
import { NewsDigestError } from '../domain/errors.ts';
import type { Logger } from '../ops/logger.ts';

export interface FeedFailureLog {
  failed(url: string, error: unknown): void;
  succeeded(url: string): void;
}

export function createFeedFailureLog(logger: Logger): FeedFailureLog {
  /** Feeds failing now, with the error code of their current incident. */
  const failing = new Map<string, string>();
  return {
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
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
