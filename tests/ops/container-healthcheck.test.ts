// The Dockerfile's HEALTHCHECK and docker-compose.yml's bot healthcheck are one-liners no compiler
// sees; run them for real against a health server, since no Docker engine runs in CI.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from '../../src/ops/health-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { ROOT } from '../helpers.ts';

function dockerfileProbe(): string {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const match = /^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(text);
  if (match?.[1] === undefined) throw new Error('Dockerfile has no exec-form HEALTHCHECK');
  const argv = JSON.parse(match[1]) as string[];
  expect(argv.slice(0, 2)).toEqual(['node', '-e']);
  return argv[2] ?? '';
}

function composeProbe(): string {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { healthcheck?: { test: string[] }; environment?: Record<string, string> }>;
  };
  const test = compose.services.bot?.healthcheck?.test ?? [];
  expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
  expect(compose.services.bot?.environment?.STORE_URL).toBe('redis://redis:6379');
  expect(compose.services.redis?.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  return test[3] ?? '';
}

const exitCode = (script: string, port: number) =>
  new Promise<number>((resolve) => {
    execFile(process.execPath, ['-e', script], { env: { HEALTH_PORT: String(port) }, timeout: 10_000 }, (error) =>
      resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1),
    );
  });

async function withServer<T>(healthy: boolean, work: (port: number) => Promise<T>): Promise<T> {
  const server = await startHealthServer({
    port: 0,
    host: '127.0.0.1',
    metrics: createMetrics({ defaultMetrics: false }),
    maxPollAgeMs: 60_000,
    checks: { store: async () => healthy, chat: () => [], lastPollAt: () => new Date() },
  });
  try {
    return await work(server.port);
  } finally {
    await server.stop();
  }
}

describe.each([
  ['Dockerfile HEALTHCHECK', dockerfileProbe],
  ['docker-compose.yml healthcheck', composeProbe],
])('%s', (_name, probe) => {
  it('exits 0 when /healthz answers 200, 1 on 503 and 1 when nothing listens', async () => {
    const script = probe();
    expect(await withServer(true, (port) => exitCode(script, port))).toBe(0);
    expect(await withServer(false, (port) => exitCode(script, port))).toBe(1);
    expect(await exitCode(script, 1)).toBe(1);
  });
});
