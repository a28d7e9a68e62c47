// GET /healthz and GET /metrics on a small node:http server, separate from the Slack HTTP endpoint so
// an orchestrator can probe it without Slack's signing. /healthz answers 200 when the store answers,
// every chat connection is up and sources were polled recently enough; 503 with the failing parts
// otherwise, so `docker ps` / Kubernetes show why.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

export interface ChatStatus {
  readonly platform: string;
  readonly connected: boolean;
}

export interface HealthChecks {
  /** True when the store answers a read; may throw, which counts as unreachable. */
  store(): Promise<boolean>;
  chat(): readonly ChatStatus[];
  /** When the last poll of the sources completed, or null before the first one. */
  lastPollAt(): Date | null;
}

export interface HealthServerOptions {
  /** 0 picks a free port (tests); the bot passes HEALTH_PORT. */
  readonly port: number;
  /** 0.0.0.0 in a container so the orchestrator can reach it; 127.0.0.1 elsewhere. */
  readonly host: string;
  readonly checks: HealthChecks;
  readonly metrics: Pick<Metrics, 'render' | 'contentType'>;
  /**
   * Older polls make /healthz fail. Pick a few poll intervals: one slow poll is not an outage. Before
   * the first poll, the server's own uptime counts as the age, so a fresh start is healthy.
   */
  readonly maxPollAgeMs: number;
  readonly now?: () => Date;
  /** A store that neither answers nor fails within this time counts as unreachable. */
  readonly storeTimeoutMs?: number;
}

export const HEALTH_DEFAULTS = { storeTimeoutMs: 2_000 } as const satisfies Partial<HealthServerOptions>;

export interface RunningHealthServer {
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  stop(): Promise<void>;
}

export interface HealthReport {
  readonly status: 'ok' | 'failing';
  readonly store: 'ok' | 'unreachable';
  readonly chat: readonly ChatStatus[];
  /** Whole seconds since the last completed poll; null before the first. */
  readonly lastPollAgeSeconds: number | null;
  /** Plain-words reasons, present only when failing. */
  readonly problems?: readonly string[];
}

export async function startHealthServer(options: HealthServerOptions): Promise<RunningHealthServer> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const report = () => buildReport(options, now(), startedAt);

  const server = createServer((request, response) => {
    handle(request, response, options, report).catch((error: unknown) => {
      // A failing check is a 503, handled in buildReport; reaching here means rendering itself broke.
      send(response, 500, 'text/plain; charset=utf-8', `internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Probes use keep-alive; without this a lingering idle socket would hold close() open.
        server.closeIdleConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: HealthServerOptions,
  report: () => Promise<HealthReport>,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path !== '/healthz' && path !== '/metrics') {
    send(response, 404, 'text/plain; charset=utf-8', 'not found: try /healthz or /metrics\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  if (path === '/metrics') {
    send(response, 200, options.metrics.contentType, await options.metrics.render(), request.method === 'HEAD');
    return;
  }
  const result = await report();
  const body = `${JSON.stringify(result)}\n`;
  send(response, result.status === 'ok' ? 200 : 503, 'application/json; charset=utf-8', body, request.method === 'HEAD');
}

function send(response: ServerResponse, status: number, type: string, body: string, headOnly = false): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // A cached health answer is a wrong health answer.
    'Cache-Control': 'no-store',
  });
  response.end(headOnly ? undefined : body);
}

export async function buildReport(options: HealthServerOptions, at: Date, startedAt: Date): Promise<HealthReport> {
  const problems: string[] = [];

  // Promise.resolve().then: a check that throws synchronously is an unreachable store, not a 500.
  const storeOk = await withTimeout(Promise.resolve().then(() => options.checks.store()), options.storeTimeoutMs ?? HEALTH_DEFAULTS.storeTimeoutMs);
  if (storeOk !== true) problems.push(storeOk === 'timeout' ? 'store did not answer in time' : 'store is unreachable');

  let chat: readonly ChatStatus[] = [];
  try {
    chat = options.checks.chat();
    for (const c of chat) if (!c.connected) problems.push(`${c.platform} is not connected`);
  } catch (error) {
    problems.push(`chat status unknown: ${error instanceof Error ? error.message : String(error)}`);
  }

  const lastPoll = options.checks.lastPollAt();
  const lastPollAgeSeconds = lastPoll === null ? null : Math.max(0, Math.floor((at.getTime() - lastPoll.getTime()) / 1000));
  const ageMs = at.getTime() - (lastPoll ?? startedAt).getTime();
  if (ageMs > options.maxPollAgeMs) {
    const limit = Math.round(options.maxPollAgeMs / 1000);
    problems.push(
      lastPoll === null
        ? `no poll has completed since start ${Math.floor(ageMs / 1000)} s ago (limit ${limit} s)`
        : `last successful poll was ${lastPollAgeSeconds ?? 0} s ago (limit ${limit} s)`,
    );
  }

  const base = { store: storeOk === true ? 'ok' : 'unreachable', chat, lastPollAgeSeconds } as const;
  return problems.length === 0 ? { status: 'ok', ...base } : { status: 'failing', ...base, problems };
}

/**
 * A store check for HealthChecks.store: one read of a key that need not exist. With Redis a lost
 * connection makes the read throw (open-keyv.ts sets throwOnErrors), which reads as unreachable.
 */
export function storeReachable(keyv: { get(key: string): Promise<unknown> }): () => Promise<boolean> {
  return async () => {
    await keyv.get('meta:health-probe');
    return true;
  };
}

/** true, false, 'timeout', or false when the check throws (an unreachable store often throws). */
async function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([check.then((ok) => ok === true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
