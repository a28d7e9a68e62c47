import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthChecks, type HealthReport, type RunningHealthServer } from '../../src/ops/health-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';

const T0 = new Date('2025-03-01T12:00:00Z');
const MAX_POLL_AGE_MS = 30 * 60_000;

let running: RunningHealthServer | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

interface Setup {
  store?: HealthChecks['store'];
  chat?: ReturnType<HealthChecks['chat']>;
  lastPollAt?: Date | null;
  /** Clock offset from T0 when the request is made (the server starts at T0). */
  elapsedMs?: number;
  storeTimeoutMs?: number;
}

async function start(setup: Setup = {}) {
  let clock = T0;
  const metrics = createMetrics({ defaultMetrics: false });
  running = await startHealthServer({
    port: 0,
    host: '127.0.0.1',
    metrics,
    maxPollAgeMs: MAX_POLL_AGE_MS,
    now: () => clock,
    ...(setup.storeTimeoutMs === undefined ? {} : { storeTimeoutMs: setup.storeTimeoutMs }),
    checks: {
      store: setup.store ?? (async () => true),
      chat: () => setup.chat ?? [{ platform: 'slack', connected: true }],
      lastPollAt: () => (setup.lastPollAt === undefined ? new Date(T0.getTime() - 60_000) : setup.lastPollAt),
    },
  });
  clock = new Date(T0.getTime() + (setup.elapsedMs ?? 0));
  const base = `http://127.0.0.1:${running.port}`;
  return { base, metrics };
}

async function health(base: string): Promise<{ status: number; body: HealthReport }> {
  const response = await fetch(`${base}/healthz`);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as HealthReport };
}

describe('GET /healthz', () => {
  it('answers 200 with store, chat and poll age when everything is fine', async () => {
    const { base } = await start({ elapsedMs: 5_000 });
    const { status, body } = await health(base);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      store: 'ok',
      chat: [{ platform: 'slack', connected: true }],
      lastPollAgeSeconds: 65,
    });
  });

  it('answers 503 naming the store when it is unreachable or throws', async () => {
    for (const store of [async () => false, async () => Promise.reject(new Error('ECONNREFUSED')), () => {
      throw new Error('sync failure');
    }]) {
      const { base } = await start({ store });
      const { status, body } = await health(base);
      expect(status).toBe(503);
      expect(body.status).toBe('failing');
      expect(body.store).toBe('unreachable');
      expect(body.problems).toEqual(['store is unreachable']);
      await running?.stop();
      running = undefined;
    }
  });

  it('does not hang on a store that never answers', async () => {
    const { base } = await start({ store: () => new Promise<boolean>(() => {}), storeTimeoutMs: 50 });
    const { status, body } = await health(base);
    expect(status).toBe(503);
    expect(body.problems).toEqual(['store did not answer in time']);
  });

  it('answers 503 naming each disconnected chat platform', async () => {
    const { base } = await start({
      chat: [
        { platform: 'slack', connected: true },
        { platform: 'discord', connected: false },
      ],
    });
    const { status, body } = await health(base);
    expect(status).toBe(503);
    expect(body.problems).toEqual(['discord is not connected']);
    expect(body.chat).toHaveLength(2);
  });

  it('answers 503 when the last successful poll is older than the limit', async () => {
    const { base } = await start({ lastPollAt: new Date(T0.getTime() - MAX_POLL_AGE_MS - 1_000) });
    const { status, body } = await health(base);
    expect(status).toBe(503);
    expect(body.lastPollAgeSeconds).toBe(1801);
    expect(body.problems).toEqual(['last successful poll was 1801 s ago (limit 1800 s)']);
  });

  it('gives a fresh start a grace period before the first poll, then fails', async () => {
    const early = await start({ lastPollAt: null, elapsedMs: 10_000 });
    const first = await health(early.base);
    expect(first.status).toBe(200);
    expect(first.body.lastPollAgeSeconds).toBeNull();
    await running?.stop();

    const late = await start({ lastPollAt: null, elapsedMs: MAX_POLL_AGE_MS + 5_000 });
    const second = await health(late.base);
    expect(second.status).toBe(503);
    expect(second.body.problems?.[0]).toMatch(/^no poll has completed since start 1805 s ago/);
  });

  it('lists every failing part at once', async () => {
    const { base } = await start({
      store: async () => false,
      chat: [{ platform: 'slack', connected: false }],
      lastPollAt: new Date(T0.getTime() - 2 * MAX_POLL_AGE_MS),
    });
    const { body } = await health(base);
    expect(body.problems).toHaveLength(3);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { base } = await start();
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('GET /metrics and other paths', () => {
  it('serves the registry in Prometheus text format', async () => {
    const { base, metrics } = await start();
    metrics.feedsPolled.inc({ result: 'ok' }, 3);
    metrics.feedsPolled.inc({ result: 'failed' });
    metrics.messagesPosted.inc({ platform: 'slack' }, 2);
    metrics.pollDuration.observe(0.3);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE news_digest_feed_polls_total counter');
    expect(text).toContain('news_digest_feed_polls_total{result="ok"} 3');
    expect(text).toContain('news_digest_feed_polls_total{result="failed"} 1');
    expect(text).toContain('news_digest_messages_posted_total{platform="slack"} 2');
    expect(text).toContain('news_digest_poll_duration_seconds_bucket{le="0.5"} 1');
    expect(text).toContain('news_digest_poll_duration_seconds_count 1');
  });

  it('answers 404 for anything else', async () => {
    const { base } = await start();
    for (const path of ['/', '/health', '/metrics/x', '/healthz/']) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(404);
      await response.text();
    }
  });

  it('stops listening when stopped', async () => {
    const { base } = await start();
    await (await fetch(`${base}/healthz`)).text();
    await running?.stop();
    running = undefined;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
