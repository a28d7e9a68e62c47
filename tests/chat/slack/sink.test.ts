// The Slack sink through the real poster (as createSlackApp builds it) against the stand-in Web API: one
// post per story, thread replies, a 429 retried through the pacer, typed errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withRetries } from '../../../src/app/retry.ts';
import { pacedSink } from '../../../src/chat/paced-sink.ts';
import { SlackDeliveryError } from '../../../src/chat/slack/errors.ts';
import { createSlackPoster } from '../../../src/chat/slack/poster.ts';
import { createSlackSink } from '../../../src/chat/slack/sink.ts';
import { createSlackHttp } from '../../../src/chat/slack/slack-http.ts';
import type { Digest } from '../../../src/domain/digest.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { story } from './fixtures.ts';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});
const http = createSlackHttp();
afterAll(async () => {
  await http.close();
  await fake?.close();
});
beforeEach(() => {
  fake.calls.length = 0;
});

const slackSink = (apiUrl = fake.apiUrl) => createSlackSink({ poster: createSlackPoster({ token: 'xoxb-test', apiUrl, http }) });

const digest: Digest = {
  generatedAt: '2025-03-15T08:00:00Z',
  stories: [story({ id: 's-1', headline: 'First' }), story({ id: 's-2', headline: 'Second' })],
};

const posts = () => fake.callsTo('chat.postMessage');

describe('Slack sink', () => {
  it('deliver posts one message per story with unfurls off and returns each ts as messageId', async () => {
    const deliveries = await slackSink().deliver('C1', digest);
    expect(posts()).toHaveLength(2);
    expect(deliveries.map((d) => d.storyId)).toEqual(['s-1', 's-2']);
    const sent = posts().map((call) => call.params);
    for (const delivery of deliveries) expect(delivery.messageId).toMatch(/^\d+\.\d+$/);
    expect(new Set(deliveries.map((d) => d.messageId)).size).toBe(2);
    expect(sent[0]).toMatchObject({ channel: 'C1', unfurl_links: 'false', unfurl_media: 'false', text: 'First (3 sources (+1 republished))' });
    expect(sent[0]?.['thread_ts']).toBeUndefined();
    expect((sent[1]?.['blocks'] as { type: string }[])[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Second', emoji: true } });
    expect(posts()[0]?.headers.authorization).toBe('Bearer xoxb-test');
  });

  it('postUpdate replies in the story thread with only what is new', async () => {
    const sink = slackSink();
    const anchor = await sink.postStory('C1', story());
    expect(anchor).not.toBeNull();
    const newSentence = { text: 'Moscow welcomed the statement.', sources: ['c'], markers: [2] };
    await sink.postUpdate('C1', anchor ?? '', { story: story(), newSentences: [newSentence], newSources: [2] });
    const reply = posts()[1]?.params;
    expect(reply?.['thread_ts']).toBe(anchor);
    const text = JSON.stringify(reply?.['blocks']);
    expect(text).toContain('+1 source:');
    expect(text).toContain('Moscow welcomed the statement.');
    expect(text).not.toContain('Rutte said');
    expect(reply?.['text']).toBe('Update: NATO rules out membership for Ukraine (+1 source, 1 new detail)');
  });

  it('a 429 surfaces with its Retry-After; the outbox retry through the pacer posts exactly one message', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const refused = await slackSink().postStory('C1', story()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'SlackDeliveryError', code: 'slack_rate_limited', status: 429, retryAfterSeconds: 1, retryable: true });

    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const before = fake.posted.length;
    const paced = pacedSink(slackSink(), { intervalMs: 100 });
    const waits: number[] = [];
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const started = Date.now();
    const ts = await withRetries(() => paced.postStory!('C2', story()), { sleep, random: () => 0, onRetry: (_attempt, delay) => waits.push(delay) });
    expect(ts).toMatch(/^\d+\.\d+$/);
    expect(waits).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    // Two attempts reached Slack; only the second was accepted, so the channel shows one message.
    expect(posts().filter((call) => call.params['channel'] === 'C2')).toHaveLength(2);
    expect(fake.posted.filter((message) => message.ts === ts)).toHaveLength(1);
    expect(fake.posted).toHaveLength(before + 1);
  });

  it('5xx surfaces as a retryable SlackDeliveryError with code, channel and status', async () => {
    fake.script('chat.postMessage', { status: 503, body: { ok: false } });
    const error = await slackSink().postStory('C9', story()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect(error).toMatchObject({ code: 'slack_http_error', channel: 'C9', status: 503, retryable: true });
  });

  it('network failure and ok:false map to their own codes; only transient ones are retryable', async () => {
    const network = await slackSink('http://127.0.0.1:1/api/').postStory('C1', story()).catch((e: unknown) => e);
    expect(network).toMatchObject({ name: 'SlackDeliveryError', code: 'slack_network_error', status: null, retryable: true });

    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const refused = await slackSink().postStory('CX', story()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'slack_api_error', slackError: 'channel_not_found', channel: 'CX', retryable: false });
  });

  it('a failure mid-digest reports the stories already posted', async () => {
    fake.script('chat.postMessage', { status: 200, body: { ok: true, ts: '1.1' } }, { status: 500, body: { ok: false } });
    const error = await slackSink().deliver('C1', digest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as SlackDeliveryError).delivered).toEqual([{ storyId: 's-1', messageId: '1.1' }]);
    expect((error as SlackDeliveryError).status).toBe(500);
  });
});
