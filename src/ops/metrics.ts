// Prometheus metrics for the bot, on a registry of its own (not prom-client's global one) so tests and
// several bots in one process never share counters. The bot calls these directly, e.g.
//   metrics.feedsPolled.inc({ result: 'ok' });
//   const end = metrics.pollDuration.startTimer(); ...; end();
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric name starts with this, so a shared Prometheus can tell the bot's series apart. */
export const METRIC_PREFIX = 'news_digest_';

/**
 * Seconds. Polling a handful of feeds takes from well under a second to a minute on slow hosts (the
 * fetcher's own timeout is the upper end); building and posting a digest is similar, dominated by
 * chat API rate limits.
 */
export const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;

export type PollResult = 'ok' | 'failed';

export interface Metrics {
  readonly registry: Registry;
  /** One per feed fetch: result="ok" or "failed". */
  readonly feedsPolled: Counter<'result'>;
  /** New articles stored (rewrites included; already-known articles are not counted). */
  readonly articlesIngested: Counter;
  /** Stories created by the clustering engine. */
  readonly storiesCreated: Counter;
  /** Stories currently known (set after each poll). */
  readonly storiesKnown: Gauge;
  /** Digests posted, by platform (slack, discord, console). */
  readonly digestsPosted: Counter<'platform'>;
  /** Chat messages posted, by platform. */
  readonly messagesPosted: Counter<'platform'>;
  /** Delivery attempts repeated after a rate limit or a transient failure, by platform. */
  readonly deliveryRetries: Counter<'platform'>;
  /** Time for one poll of all sources. */
  readonly pollDuration: Histogram;
  /** Time to build and deliver one channel's digest, by platform. */
  readonly digestDuration: Histogram<'platform'>;
  /** Unix time (seconds) of the last poll that completed; alert on `time() - this`. */
  readonly lastPollSuccess: Gauge;
  /** The Prometheus text exposition of every metric, for /metrics. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop lag, GC); on by default, off in tests that compare output. */
  readonly defaultMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name: METRIC_PREFIX + name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Histogram<L>({ name: METRIC_PREFIX + name, help, labelNames, buckets: [...DURATION_BUCKETS], registers });
  const gauge = (name: string, help: string) => new Gauge({ name: METRIC_PREFIX + name, help, registers });

  return {
    registry,
    feedsPolled: counter('feed_polls_total', 'Feed fetches, by result (ok or failed).', ['result']),
    articlesIngested: counter('articles_ingested_total', 'New articles stored.'),
    storiesCreated: counter('stories_created_total', 'Stories created by clustering.'),
    storiesKnown: gauge('stories', 'Stories currently known.'),
    digestsPosted: counter('digests_posted_total', 'Digests posted, by platform.', ['platform']),
    messagesPosted: counter('messages_posted_total', 'Chat messages posted, by platform.', ['platform']),
    deliveryRetries: counter('delivery_retries_total', 'Delivery attempts retried after a rate limit or transient error.', [
      'platform',
    ]),
    pollDuration: histogram('poll_duration_seconds', 'Time to poll all sources once.'),
    digestDuration: histogram('digest_duration_seconds', "Time to build and deliver one channel's digest.", ['platform']),
    lastPollSuccess: gauge('last_poll_success_timestamp_seconds', 'Unix time of the last completed poll.'),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
