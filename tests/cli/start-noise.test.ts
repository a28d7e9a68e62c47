// Issue 19, "noise": a failing feed is one log line per incident (the stack only at LOG_LEVEL=debug),
// and a second bot on a taken HEALTH_PORT stops with one plain line instead of running without health.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedFailureLog } from '../../src/app/feed-failure-log.ts';
import { FetchError } from '../../src/ingest/fetch/errors.ts';
import { createPinoLogger } from '../../src/ops/pino-logger.ts';
import { ROOT, tempDir } from '../helpers.ts';
import { closedPort, listenLocal, type LocalHttp } from '../local-http.ts';

const BIN = join(ROOT, 'bin', 'news-digest.js');
const dir = tempDir('news-digest-noise-');
let server: LocalHttp;
let refusedPort = 0;

beforeAll(async () => {
  server = await listenLocal((_request, response) => response.writeHead(404).end('not found'));
  refusedPort = await closedPort();
  writeFileSync(
    join(dir.path, 'failing.yaml'),
    `sources:
  - type: feed
    url: ${server.origin}/missing.xml
  - type: feed
    url: http://127.0.0.1:${refusedPort}/refused.xml
channels:
  - id: terminal
    platform: console
    schedule: { cron: "0 8 * * *", timezone: UTC }
store:
  url: "memory:"
feeds:
  allowAddresses: ["127.0.0.1"]
`,
  );
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

/** Runs `news-digest start` until `ready` shows on stderr (or it exits), then stops it with SIGTERM. */
async function start(env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, [BIN, 'start', '--config', 'failing.yaml'], {
    cwd: dir.path,
    env: { PATH: process.env.PATH ?? '', HEALTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!ready.test(err) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  if (child.exitCode === null) child.kill('SIGTERM');
  return { code: await exited, out, err };
}

describe('feed failures in the running bot', () => {
  it('says each failing feed in one line without a stack trace', async () => {
    const { code, err } = await start({}, /running; press Ctrl-C/);
    expect(code).toBe(0);
    const missing = err.split('\n').filter((line) => line.includes('/missing.xml'));
    const refused = err.split('\n').filter((line) => line.includes('/refused.xml'));
    expect(missing).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(missing[0]).toContain('failing: HTTP 404');
    expect(refused[0]).toContain('ECONNREFUSED');
    expect(err).not.toMatch(/"stack"|\n\s+at /);
  });

  it('keeps the stack for LOG_LEVEL=debug', async () => {
    const { err } = await start({ LOG_LEVEL: 'debug' }, /running; press Ctrl-C/);
    expect(err).toContain('"stack"');
    expect(err).toContain('failure detail');
  });

  it('on a terminal: one warning when a feed starts failing, debug lines while it stays down, one line on recovery', () => {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const log = createFeedFailureLog(createPinoLogger({ pretty: true, colorize: false, destination: sink }));
    const url = 'https://news.example/feed.xml';
    const notFound = new FetchError('FETCH_HTTP_STATUS', `HTTP 404 from ${url}`, { url, status: 404 });
    for (let poll = 0; poll < 5; poll += 1) log.failed(url, notFound);
    log.succeeded(url);
    log.succeeded(url);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/WARN.*feed https:\/\/news\.example\/feed\.xml failing: HTTP 404 from .* \[FETCH_HTTP_STATUS\]/);
    expect(lines[1]).toMatch(/INFO.*feed https:\/\/news\.example\/feed\.xml recovered/);
  });
});

describe('feed outcomes as the poller reports them', () => {
  it('says once that a gone feed (410) is no longer polled, and never calls a skipped one recovered', () => {
    const lines: string[] = [];
    const log = createFeedFailureLog({ info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) });
    const url = 'https://news.example/old.xml';
    const gone = new FetchError('FETCH_HTTP_STATUS', `HTTP 410 from ${url}`, { url, status: 410 });
    log.record({ url, status: 'failed', error: gone });
    log.record({ url, status: 'disabled', error: gone });
    log.record({ url, status: 'disabled', error: null });
    expect(lines).toEqual([
      expect.stringMatching(/^warn feed .* failing: HTTP 410/),
      expect.stringMatching(/^warn feed .* stopped: HTTP 410 .*no longer polled/),
    ]);
    log.record({ url: 'https://b.example/f', status: 'failed', error: gone });
    log.record({ url: 'https://b.example/f', status: 'not-modified', error: null });
    expect(lines.at(-1)).toBe('info feed https://b.example/f recovered');
  });
});

describe('a second bot on the same HEALTH_PORT', () => {
  it('exits 1 with one plain line, before posting anything', async () => {
    const taken = await listenLocal((_request, response) => response.end('the first bot'));
    try {
      const { code, out, err } = await start({ HEALTH_PORT: String(taken.port) }, /running; press Ctrl-C/);
      expect(code).toBe(1);
      expect(err).toContain(`news-digest start: HEALTH_PORT ${taken.port} is already in use on 127.0.0.1`);
      expect(err).toContain('set HEALTH_PORT to a free port');
      expect(err).not.toMatch(/"stack"|\n\s+at |running; press/);
      expect(out).toBe('');
    } finally {
      await taken.close();
    }
  });
});
