import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.ts';

describe('createMetrics', () => {
  it('declares every metric the bot reports, with help and type', async () => {
    const text = await createMetrics({ defaultMetrics: false }).render();
    const declared = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(declared.sort()).toEqual(
      [
        'news_digest_articles_ingested_total counter',
        'news_digest_delivery_retries_total counter',
        'news_digest_digest_duration_seconds histogram',
        'news_digest_digests_posted_total counter',
        'news_digest_feed_polls_total counter',
        'news_digest_last_poll_success_timestamp_seconds gauge',
        'news_digest_messages_posted_total counter',
        'news_digest_poll_duration_seconds histogram',
        'news_digest_stories gauge',
        'news_digest_stories_created_total counter',
      ].sort(),
    );
  });

  it('keeps registries apart, so two bots (or two tests) never share counts', async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.articlesIngested.inc(5);
    expect(await a.render()).toContain('news_digest_articles_ingested_total 5');
    expect(await b.render()).toContain('news_digest_articles_ingested_total 0');
  });

  it('times a digest with its platform label', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const end = metrics.digestDuration.startTimer({ platform: 'discord' });
    end();
    expect(await metrics.render()).toContain('news_digest_digest_duration_seconds_count{platform="discord"} 1');
  });

  it('adds the default process metrics unless turned off', async () => {
    const text = await createMetrics().render();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});
