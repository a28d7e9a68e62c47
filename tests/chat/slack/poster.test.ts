// The chat.postMessage poster on the Slack HTTP path (undici) against the stand-in Web API: the form Slack
// accepts, the bot token only in the Authorization header, kept-alive connections, and every failure as a
// typed SlackDeliveryError that says whether the post may be sent again.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPoster, type SlackPosterOptions } from '../../../src/chat/slack/poster.ts';
import { createSlackHttp } from '../../../src/chat/slack/slack-http.ts';
import { renderSlackStory } from '../../../src/chat/slack/render.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { story } from './fixtures.ts';

const TOKEN = 'xoxb-secret-token-1234';
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
});

const message = renderSlackStory(story());
const https: ReturnType<typeof createSlackHttp>[] = [];
afterAll(async () => {
  for (const http of https) await http.close();
});
const posterFor = (apiUrl: string, answerTimeoutMs?: number) => {
  const http = createSlackHttp(answerTimeoutMs === undefined ? {} : { answerTimeoutMs });
  https.push(http);
  return createSlackPoster({ token: TOKEN, apiUrl, http } satisfies SlackPosterOptions);
};

/** Everything an operator could see of an error: message, stack, fields, causes. */
const shown = (error: unknown) => `${String(error)} ${(error as Error).stack ?? ''} ${JSON.stringify(error)} ${inspect(error, { depth: 6 })}`;

describe('Slack poster', () => {
  it('posts the form Slack accepts, token in the header only, over one kept-alive connection', async () => {
    const poster = posterFor(fake.apiUrl);
    const calls = fake.callsTo('chat.postMessage').length;
    let sentBeforeAnswer: boolean | null = null;
    const first = await poster.postMessage({
      channel: 'C1',
      message,
      // The pacer's mark: called once the request is written, which is before the answer arrives.
      onSent: () => (sentBeforeAnswer ??= fake.callsTo('chat.postMessage').length === calls),
    });
    expect(sentBeforeAnswer).toBe(true);
    // undici frees the connection once the answer has been handled, just after this post resolves; a
    // channel's next post comes a second later, not in the same turn of the event loop.
    await new Promise(setImmediate);
    const reply = await poster.postMessage({ channel: 'C1', message, threadTs: first ?? '' });
    const [a, b] = fake.callsTo('chat.postMessage').slice(-2);
    expect(a?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(a?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(a?.params).toEqual({ channel: 'C1', text: message.text, blocks: message.blocks, unfurl_links: 'false', unfurl_media: 'false' });
    expect(b?.params['thread_ts']).toBe(first);
    expect(fake.posted.at(-1)).toEqual({ channel: 'C1', ts: reply, threadTs: first });
    expect(b?.remotePort).toBe(a?.remotePort);
  });

  it('takes SLACK_API_URL with or without the trailing slash', async () => {
    const poster = posterFor(fake.apiUrl.replace(/\/$/, ''));
    expect(await poster.postMessage({ channel: 'C2', message })).toMatch(/^\d+\.\d+$/);
  });

  it('maps 429, 5xx, ok:false and a body that is not JSON to typed errors without the token', async () => {
    const poster = posterFor(fake.apiUrl);
    fake.script(
      'chat.postMessage',
      { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } },
      { status: 429, body: { ok: false, error: 'ratelimited' } },
      { status: 502, body: { ok: false } },
      { status: 400, body: { ok: false } },
      { status: 200, body: { ok: false, error: 'channel_not_found' } },
      { status: 200, body: { ok: false, error: 'internal_error' } },
      { status: 200, body: 'not json' },
    );
    const errors: unknown[] = [];
    for (let i = 0; i < 7; i += 1) errors.push(await poster.postMessage({ channel: 'C3', message }).catch((e: unknown) => e));
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      'slack_rate_limited', 'slack_rate_limited', 'slack_http_error', 'slack_http_error', 'slack_api_error', 'slack_api_error', 'slack_outcome_unknown',
    ]);
    expect(errors[0]).toMatchObject({ name: 'SlackDeliveryError', channel: 'C3', status: 429, retryAfterSeconds: 7, retryable: true });
    // Without Retry-After, Slack's usual one second.
    expect(errors[1]).toMatchObject({ retryAfterSeconds: 1 });
    expect(errors[2]).toMatchObject({ status: 502, retryable: true });
    expect(errors[3]).toMatchObject({ status: 400, retryable: false });
    expect(errors[4]).toMatchObject({ slackError: 'channel_not_found', retryable: false });
    expect(errors[5]).toMatchObject({ slackError: 'internal_error', retryable: true });
    // The stand-in JSON-encodes the string, so the body is valid JSON without an ok field: a 200 that says
    // nothing about the post, which may be in the channel.
    expect(errors[6]).toMatchObject({ status: 200, retryable: false, uncertain: true });
    for (const error of errors.slice(0, 6)) expect(error).toMatchObject({ uncertain: false });
    for (const error of errors) expect(shown(error)).not.toContain(TOKEN);
  });

  it('a refused connection is retryable; a server that read the post and never answers leaves it uncertain; neither shows the token', async () => {
    const refused = await posterFor('http://127.0.0.1:1/api/')
      .postMessage({ channel: 'C4', message })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'SlackDeliveryError', code: 'slack_network_error', channel: 'C4', status: null, retryable: true, uncertain: false });

    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    const hung = await posterFor(`http://127.0.0.1:${port}/api/`, 100)
      .postMessage({ channel: 'C5', message })
      .catch((e: unknown) => e);
    for (const socket of sockets) socket.destroy();
    silent.close();
    expect(hung).toMatchObject({ code: 'slack_outcome_unknown', channel: 'C5', retryable: false, uncertain: true });
    expect((hung as Error).message).toContain('Headers Timeout');
    for (const error of [refused, hung]) expect(shown(error)).not.toContain(TOKEN);
  });
});
