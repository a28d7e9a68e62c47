// The rule for sending a Slack post again, end to end: the outbox's delivery with its retries, the Slack
// sink and poster on the real HTTP path (undici), against a scripted stand-in on 127.0.0.1. Sent again when
// the request never left (refused, DNS, TLS handshake) or Slack answered 429 or 5xx; never when it was
// read in full and the connection dropped without an answer: that post is uncertain, recorded, logged, and
// treated as posted by the next digest.
import Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverToChannel, type DeliverDeps } from '../../../src/app/deliver-channel.ts';
import { createSlackApp } from '../../../src/chat/slack/app.ts';
import { createSlackPoster } from '../../../src/chat/slack/poster.ts';
import { createSlackSink } from '../../../src/chat/slack/sink.ts';
import { createSlackHttp, type SlackHttp } from '../../../src/chat/slack/slack-http.ts';
import type { StoryMaterial } from '../../../src/digest/story-material.ts';
import { createOutboxRepository } from '../../../src/store/outbox-repository.ts';
import { createPostRepository, storyVersion } from '../../../src/store/post-repository.ts';
import type { Summarizer } from '../../../src/summarize/types.ts';
import { memoryLogger, scriptedHandler } from './fixtures.ts';
import { freePort, type ScriptedSlack, type ScriptStep, startScriptedSlack } from './scripted-slack.ts';
import { TEST_TLS } from './tls-fixture.ts';

const channel = { id: 'news', target: 'C0NEWS', size: 10 };
const material: StoryMaterial = {
  story: { id: 's-volcano', articleIds: ['a1'] },
  articles: [
    {
      article: { id: 'a1', title: 'Lava reaches Grindavik', text: 'Lava reached the outskirts of Grindavik on Friday.', source: 'RUV', url: 'https://example.is/a1', path: null, published: '2025-03-14T10:00:00Z' },
      rewriteOf: null,
      ingestedAt: '2025-03-14T10:00:00Z',
    },
  ],
};
const summarizer: Summarizer = {
  summarize: async (story) => ({ headline: story.articles[0]?.title ?? '', sentences: story.articles.map((a) => ({ text: a.text, sources: [a.id] })) }),
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function standIn(script: ScriptStep[], options: Parameters<typeof startScriptedSlack>[1] = {}): Promise<ScriptedSlack> {
  const slack = await startScriptedSlack(script, options);
  cleanup.push(() => slack.close());
  return slack;
}

function slackHttp(options: Parameters<typeof createSlackHttp>[0] = {}): SlackHttp {
  const http = createSlackHttp({ answerTimeoutMs: 2_000, ...options });
  cleanup.push(() => http.close());
  return http;
}

/** The delivery's dependencies on one store; `sleep` is the retry loop's wait (recorded, not waited). */
function delivery(keyv: Keyv, sleep: (ms: number) => Promise<void> = async () => {}) {
  const logger = memoryLogger();
  const sleeps: number[] = [];
  const retries: string[] = [];
  const deps: DeliverDeps = {
    posts: createPostRepository(keyv),
    outbox: createOutboxRepository(keyv),
    summarizer,
    budget: { minSentences: 1, maxSentences: 4, maxWords: 100 },
    now: () => new Date('2025-03-15T08:00:00Z'),
    logger,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
        await sleep(ms);
      },
      random: () => 0.5,
      onRetry: (_attempt, _delay, error) => retries.push((error as { code?: string }).code ?? 'unknown'),
    },
  };
  return { deps, logger, sleeps, retries };
}

const sinkFor = (apiUrl: string, http: SlackHttp) => createSlackSink({ poster: createSlackPoster({ token: 'xoxb-test', apiUrl, http }) });
const outboxEntry = (keyv: Keyv) => createOutboxRepository(keyv).get(channel.id, material.story.id, storyVersion(material.story.articleIds));

describe('sending a Slack post again', () => {
  it('does not send again when the stand-in read the whole request and dropped the connection: uncertain, logged, posted for the next digest', async () => {
    const slack = await standIn(['drop']);
    const keyv = new Keyv();
    const { deps, logger, retries } = delivery(keyv);
    const sink = sinkFor(slack.apiUrl, slackHttp());

    expect(await deliverToChannel(channel, sink, [material], deps)).toMatchObject({ posted: 0, failed: 0, uncertain: 1 });
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]?.form.get('channel')).toBe('C0NEWS');
    expect(retries).toEqual([]);
    expect(await outboxEntry(keyv)).toMatchObject({ state: 'uncertain', attempts: 1, messageId: null });
    const warning = logger.lines.find((line) => line.includes('may have been posted'));
    expect(warning).toContain('news');
    expect(warning).toContain('C0NEWS');
    expect(warning).toContain('s-volcano');

    // The next digest treats the story as posted: nothing is sent.
    expect(await deliverToChannel(channel, sink, [material], delivery(keyv).deps)).toMatchObject({ posted: 0, unchanged: 1, uncertain: 0 });
    expect(slack.received).toHaveLength(1);
  });

  it('does not send again when the answer never comes (timeout after the request left)', async () => {
    const slack = await standIn(['stall']);
    const keyv = new Keyv();
    const { deps } = delivery(keyv);
    const sink = sinkFor(slack.apiUrl, slackHttp({ answerTimeoutMs: 200 }));
    expect(await deliverToChannel(channel, sink, [material], deps)).toMatchObject({ posted: 0, uncertain: 1 });
    expect(slack.received).toHaveLength(1);
    expect(await outboxEntry(keyv)).toMatchObject({ state: 'uncertain' });
  });

  it('sends again when the connection was refused, and posts once Slack is there', async () => {
    const port = await freePort();
    let slack: ScriptedSlack | undefined;
    const keyv = new Keyv();
    // The retry loop's wait is when the stand-in comes up.
    const { deps, retries } = delivery(keyv, async () => {
      slack ??= await standIn([], { port });
    });
    const sink = sinkFor(`http://127.0.0.1:${port}/api/`, slackHttp());
    expect(await deliverToChannel(channel, sink, [material], deps)).toMatchObject({ posted: 1, failed: 0, uncertain: 0 });
    expect(retries).toEqual(['slack_network_error']);
    expect(slack?.received).toHaveLength(1);
    expect(await outboxEntry(keyv)).toMatchObject({ state: 'sent', messageId: '1700000000.000001' });
  });

  it('sends again when the name does not resolve (DNS), until the attempts run out', async () => {
    const keyv = new Keyv();
    const { deps, retries } = delivery(keyv);
    // .invalid never resolves (RFC 6761).
    const sink = sinkFor('http://slack-stand-in.invalid/api/', slackHttp());
    expect(await deliverToChannel(channel, sink, [material], deps)).toMatchObject({ posted: 0, failed: 1, uncertain: 0 });
    expect(retries).toEqual(['slack_network_error', 'slack_network_error', 'slack_network_error', 'slack_network_error']);
    expect(await outboxEntry(keyv)).toMatchObject({ state: 'failed' });
  });

  it('sends again when the TLS handshake fails (a certificate the client does not trust); nothing reached the stand-in', async () => {
    const slack = await standIn([], { tls: TEST_TLS });
    const keyv = new Keyv();
    const { deps, retries } = delivery(keyv);
    expect(await deliverToChannel(channel, sinkFor(slack.apiUrl, slackHttp()), [material], deps)).toMatchObject({ posted: 0, failed: 1, uncertain: 0 });
    expect(retries).toHaveLength(4);
    expect(slack.received).toHaveLength(0);
    // Handshakes were made (the stand-in may count the last one a moment after the client gave up).
    expect(slack.connections()).toBeGreaterThan(0);

    // The same stand-in with its certificate trusted: the HTTPS path posts.
    const trusted = sinkFor(slack.apiUrl, slackHttp({ tls: { ca: TEST_TLS.cert } }));
    expect(await deliverToChannel(channel, trusted, [material], delivery(new Keyv()).deps)).toMatchObject({ posted: 1 });
    expect(slack.received).toHaveLength(1);
  });

  it('sends again after a 429, waiting its Retry-After', async () => {
    const slack = await standIn([{ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }]);
    const keyv = new Keyv();
    const { deps, sleeps, retries } = delivery(keyv);
    expect(await deliverToChannel(channel, sinkFor(slack.apiUrl, slackHttp()), [material], deps)).toMatchObject({ posted: 1, uncertain: 0 });
    expect(retries).toEqual(['slack_rate_limited']);
    expect(sleeps).toEqual([3000]);
    expect(slack.received).toHaveLength(2);
  });

  it('sends again after a 5xx', async () => {
    const slack = await standIn([{ status: 503, body: { ok: false } }]);
    const keyv = new Keyv();
    const { deps, retries } = delivery(keyv);
    expect(await deliverToChannel(channel, sinkFor(slack.apiUrl, slackHttp()), [material], deps)).toMatchObject({ posted: 1, uncertain: 0 });
    expect(retries).toEqual(['slack_http_error']);
    expect(slack.received).toHaveLength(2);
  });

  it("bolt's client (commands, say) follows the same rule on the same HTTP path: a 5xx is sent again, a dropped request is not", async () => {
    const slack = await standIn([{ status: 503, body: { ok: false } }, { status: 200, body: { ok: true, ts: '1.1' } }, 'drop']);
    const app = createSlackApp({
      botToken: 'xoxb-test',
      signingSecret: 'secret',
      apiUrl: slack.apiUrl,
      port: 0,
      handler: scriptedHandler(),
      adminUserIds: [],
      logger: memoryLogger(),
      retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 0 },
    });
    const posts = () => slack.received.filter((r) => r.path.endsWith('/chat.postMessage'));
    // The 503 is retried: two requests, one post.
    await expect(app.client.chat.postMessage({ channel: 'C1', text: 'first' })).resolves.toMatchObject({ ok: true });
    expect(posts()).toHaveLength(2);
    // The dropped one is not, though three retries are allowed.
    await expect(app.client.chat.postMessage({ channel: 'C1', text: 'second' })).rejects.toThrow(/fetch failed/);
    expect(posts().map((r) => r.form.get('text'))).toEqual(['first', 'first', 'second']);
  });
});
