import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPinoLogger } from '../../src/ops/pino-logger.ts';
import { createScrubber, secretsFromEnv } from '../../src/ops/scrub-secrets.ts';

// Synthetic values in each real token format; none is a live credential.
const TOKENS = {
  slackBot: 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
  slackUser: 'xoxp-1111111111-2222222222-3333333333-abcdef0123456789',
  slackApp: 'xapp-1-A012345ABCD-6789012345678-abcdef0123456789abcdef',
  discord: 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GhIjKl.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  // Any credential after "Bearer " is hidden, whatever its shape.
  bearer: 'Bearer sk-live-0a1b2c3d4e5f6a7b8c9d',
  // Hex like a Slack signing secret: no pattern knows this shape, only the configured value does.
  signingSecret: '8f14e45fceea167a5a36dedd4bea2543',
  // A secret with JSON-special characters, to prove the escaped form inside a JSON line is caught too.
  quoted: 'pa"ss\\word-42',
} as const;

function capture(pretty: boolean, secrets: string[] = [TOKENS.signingSecret, TOKENS.quoted]) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logger = createPinoLogger({ pretty, colorize: false, destination: stream, secrets, level: 'debug' });
  return { logger, text: () => text };
}

function expectClean(text: string): void {
  for (const [kind, token] of Object.entries(TOKENS)) {
    expect(text, `${kind} leaked`).not.toContain(token);
  }
  // Fragments too: a half-scrubbed token is still a leak.
  expect(text).not.toContain('AbCdEfGhIjKlMnOpQrStUvWx');
  expect(text).not.toContain('0a1b2c3d4e5f6a7b8c9d');
  expect(text).not.toContain('fceea167a5a36dedd');
  expect(text).toContain('[redacted]');
}

describe.each([false, true])('createPinoLogger (pretty: %s)', (pretty) => {
  it.each(Object.entries(TOKENS))('scrubs a %s token from messages, error messages, stacks and causes', (_kind, token) => {
    const { logger, text } = capture(pretty);
    const cause = new Error(`upstream said ${token}`);
    const error = new Error(`request failed with ${token}`, { cause });
    logger.error(`delivery failed using ${token}`, error);
    logger.warn(`retrying with ${token}`);
    const out = text();
    expect(out).not.toContain(token);
    expect(out).not.toContain(token.replace(/^Bearer /, ''));
    expect(out).toContain('[redacted]');
    // The message survives around the token, so the line is still useful.
    expect(out).toContain('delivery failed using');
    expect(out).toContain('request failed with');
    expect(out).toContain('upstream said');
  });

  it('scrubs every kind at once, including an HTTP error request dump and a thrown string', () => {
    const { logger, text } = capture(pretty);
    const error = Object.assign(new Error(`slack ${TOKENS.slackBot} discord ${TOKENS.discord}`), {
      config: { headers: { Authorization: TOKENS.bearer }, data: `token=${TOKENS.slackApp}` },
    });
    logger.error(`secret ${TOKENS.signingSecret} and ${TOKENS.quoted} and ${TOKENS.slackUser}`, error);
    logger.error('a string was thrown', `Authorization: Bot ${TOKENS.discord}`);
    expectClean(text());
  });

  it('keeps ordinary text, URLs and paths intact', () => {
    const { logger, text } = capture(pretty);
    logger.info('polled https://news.example.com/feeds/world.rss in 1.25 s from /app/data/news-digest.sqlite');
    expect(text()).toContain('https://news.example.com/feeds/world.rss in 1.25 s from /app/data/news-digest.sqlite');
    expect(text()).not.toContain('[redacted]');
  });
});

describe('createPinoLogger output', () => {
  it('writes one JSON object per line with level and message', () => {
    const { logger, text } = capture(false);
    logger.info('started');
    logger.child({ channel: 'world' }).warn('slow');
    logger.debug('details');
    const lines = text().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'started'],
      [40, 'slow'],
      [20, 'details'],
    ]);
    expect(lines[1]?.channel).toBe('world');
  });

  it('blanks known secret fields even when the value has no token shape', () => {
    const { logger, text } = capture(false);
    logger.pino.info({ token: 'short1', headers: { authorization: 'Basic dXNlcjpwYXNz' }, env: { DISCORD_TOKEN: 'x' } }, 'fields');
    const line = JSON.parse(text()) as { token: string; headers: { authorization: string }; env: { DISCORD_TOKEN: string } };
    expect(line.token).toBe('[redacted]');
    expect(line.headers.authorization).toBe('[redacted]');
    expect(line.env.DISCORD_TOKEN).toBe('[redacted]');
  });

  it('respects the level', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const logger = createPinoLogger({ pretty: false, destination: stream, level: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect(out).not.toContain('hidden');
    expect(out).toContain('shown');
  });
});

describe('secretsFromEnv', () => {
  it('collects the configured tokens and the store password, encoded and decoded', () => {
    const secrets = secretsFromEnv({
      SLACK_BOT_TOKEN: TOKENS.slackBot,
      SLACK_SIGNING_SECRET: TOKENS.signingSecret,
      STORE_URL: 'redis://:p%40ssw0rd-long@redis:6379/0',
    });
    expect(secrets).toEqual([TOKENS.slackBot, TOKENS.signingSecret, 'p%40ssw0rd-long', 'p@ssw0rd-long']);
    const scrub = createScrubber(secrets);
    expect(scrub('cannot reach redis://:p%40ssw0rd-long@redis:6379/0 (p@ssw0rd-long)')).toBe(
      'cannot reach redis://:[redacted]@redis:6379/0 ([redacted])',
    );
  });
});
