// A stand-in Slack Web API on 127.0.0.1 that enforces chat.postMessage's limit of one message per second
// per channel (429 + Retry-After: 1 past it) and records every message it accepted. It runs in its own
// process (serve.ts), so its node:http cost is not the client's.
import { startBodyServer } from './body-server.ts';

/** Arrival jitter a real limiter forgives; without it a sender pacing at exactly 1 s would trip on noise. */
const TOLERANCE_MS = 50;

export interface RateLimitedSlack {
  readonly apiUrl: string;
  readonly accepted: { channel: string; text: string }[];
  readonly rejected: number;
  close(): Promise<void>;
}

export async function startRateLimitedSlack(intervalMs = 1000): Promise<RateLimitedSlack> {
  const last = new Map<string, number>();
  let ts = 0;
  const accepted: RateLimitedSlack['accepted'] = [];
  let rejected = 0;
  const server = await startBodyServer((_req, body, res) => {
    const params = formFields(body, ['channel', 'text']);
    const channel = params.get('channel') ?? '';
    const now = performance.now();
    const previous = last.get(channel);
    if (previous !== undefined && now - previous < intervalMs - TOLERANCE_MS) {
      rejected += 1;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    last.set(channel, now);
    accepted.push({ channel, text: params.get('text') ?? '' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, channel, ts: `1700000000.${String(++ts).padStart(6, '0')}` }));
  });
  return {
    apiUrl: `${server.origin}/api/`,
    accepted,
    get rejected() {
      return rejected;
    },
    close: server.close,
  };
}

/**
 * The named fields of a form body, decoded as URLSearchParams decodes them (the first occurrence of each).
 * Only those are decoded: decoding the whole body (a story's blocks, kilobytes of percent-encoded JSON) was
 * a tenth of the stand-in's CPU, time a real Slack's parallel servers would not take from the run.
 */
function formFields(body: string, names: readonly string[]): URLSearchParams {
  const wanted = body.split('&').filter((field) => names.some((name) => field.startsWith(`${name}=`)));
  return new URLSearchParams(wanted.join('&'));
}
