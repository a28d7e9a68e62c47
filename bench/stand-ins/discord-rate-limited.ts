// A stand-in Discord REST API on 127.0.0.1 that enforces the global limit of 50 requests per second
// (sliding one-second window; 429 with retry_after and X-RateLimit-Global past it) and records every
// message it accepted.
import { startBodyServer } from './body-server.ts';

export interface RateLimitedDiscord {
  readonly api: string;
  readonly accepted: { channel: string; title: string }[];
  readonly rejected: number;
  close(): Promise<void>;
}

export async function startRateLimitedDiscord(perSecond = 50): Promise<RateLimitedDiscord> {
  const window: number[] = [];
  let id = 1_000_000_000_000_000;
  const accepted: RateLimitedDiscord['accepted'] = [];
  let rejected = 0;
  const server = await startBodyServer((req, body, res) => {
    const now = performance.now();
    while (window.length > 0 && now - window[0]! >= 1000) window.shift();
    if (window.length >= perSecond) {
      rejected += 1;
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
    accepted.push({ channel, title: parsed.embeds?.[0]?.title ?? '' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: String(++id), channel_id: channel, content: '', embeds: parsed.embeds ?? [] }));
  });
  return {
    api: `${server.origin}/api`,
    accepted,
    get rejected() {
      return rejected;
    },
    close: server.close,
  };
}
