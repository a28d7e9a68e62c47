// A stand-in Slack Web API on 127.0.0.1 that enforces chat.postMessage's limit of one message per second
// per channel (429 + Retry-After: 1 past it) and records every message it accepted.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Arrival jitter a real limiter forgives; without it a sender pacing at exactly 1 s would trip on noise. */
const TOLERANCE_MS = 50;

export interface RateLimitedSlack {
  readonly apiUrl: string;
  readonly accepted: { channel: string; text: string }[];
  rejected: number;
  close(): Promise<void>;
}

export async function startRateLimitedSlack(intervalMs = 1000): Promise<RateLimitedSlack> {
  const last = new Map<string, number>();
  let ts = 0;
  const state: RateLimitedSlack = {
    apiUrl: '',
    accepted: [],
    rejected: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const channel = params.get('channel') ?? '';
      const now = performance.now();
      const previous = last.get(channel);
      if (previous !== undefined && now - previous < intervalMs - TOLERANCE_MS) {
        state.rejected += 1;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      last.set(channel, now);
      state.accepted.push({ channel, text: params.get('text') ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, channel, ts: `1700000000.${String(++ts).padStart(6, '0')}` }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  (state as { apiUrl: string }).apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return state;
}
