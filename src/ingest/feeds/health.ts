// Feed health for operators: when each feed last worked, what failed, when it is polled next.
import type { FeedState } from './state-store.ts';

export interface FeedHealth {
  readonly url: string;
  readonly title: string | null;
  readonly status: 'ok' | 'failing' | 'disabled' | 'new';
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string | null;
}

export function feedHealth(state: FeedState): FeedHealth {
  const status = state.disabled ? 'disabled' : state.consecutiveFailures > 0 ? 'failing' : state.lastSuccessAt === null ? 'new' : 'ok';
  const error = state.lastError;
  return {
    url: state.url,
    title: state.title,
    status,
    lastSuccessAt: state.lastSuccessAt,
    lastError: error === null ? null : `${error.at} ${error.code}${error.status === undefined ? '' : ` ${error.status}`}: ${error.message}`,
    consecutiveFailures: state.consecutiveFailures,
    nextPollAt: state.disabled ? null : state.nextPollAt,
  };
}

/** A plain-text report, one block per feed, worst first. */
export function formatHealth(rows: readonly FeedHealth[]): string {
  const rank = { disabled: 0, failing: 1, new: 2, ok: 3 } as const;
  const sorted = [...rows].sort((a, b) => rank[a.status] - rank[b.status] || b.consecutiveFailures - a.consecutiveFailures);
  return sorted
    .map((h) =>
      [
        `${h.status.toUpperCase().padEnd(8)} ${h.url}${h.title ? `  (${h.title})` : ''}`,
        `         last success: ${h.lastSuccessAt ?? 'never'}   failures in a row: ${h.consecutiveFailures}   next poll: ${h.nextPollAt ?? 'never (disabled)'}`,
        ...(h.lastError === null ? [] : [`         last error: ${h.lastError}`]),
      ].join('\n'),
    )
    .join('\n');
}
