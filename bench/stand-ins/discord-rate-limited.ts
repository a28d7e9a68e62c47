// A stand-in Discord REST API on 127.0.0.1 that enforces the global limit of 50 requests per second
// (sliding one-second window; 429 with retry_after and X-RateLimit-Global past it) and records every
// message it accepted.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RateLimitedDiscord {
  readonly api: string;
  readonly accepted: { channel: string; title: string }[];
  rejected: number;
  close(): Promise<void>;
}

export async function startRateLimitedDiscord(perSecond = 50): Promise<RateLimitedDiscord> {
  const window: number[] = [];
  let id = 1_000_000_000_000_000;
  const state: RateLimitedDiscord = {
    api: '',
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
      const now = performance.now();
      while (window.length > 0 && now - window[0]! >= 1000) window.shift();
      if (window.length >= perSecond) {
        state.rejected += 1;
        const retryAfter = (1000 - (now - window[0]!)) / 1000;
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(Math.ceil(retryAfter)),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        });
        res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: retryAfter, global: true }));
        return;
      }
      window.push(now);
      const channel = /\/channels\/(\d+)\/messages/.exec(req.url ?? '')?.[1] ?? '';
      const parsed = JSON.parse(body || '{}') as { embeds?: { title?: string }[] };
      state.accepted.push({ channel, title: parsed.embeds?.[0]?.title ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: String(++id), channel_id: channel, content: '', embeds: parsed.embeds ?? [] }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  (state as { api: string }).api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return state;
}
