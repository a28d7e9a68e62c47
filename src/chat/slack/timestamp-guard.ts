// Refuse signed requests whose timestamp is more than five minutes from now, in either direction.
//
// Bolt's HTTPReceiver checks the HMAC signature (constant-time) and refuses timestamps more than five minutes
// old, but it accepts any timestamp in the future. Slack's guidance is to refuse requests more than five
// minutes away from local time either way: a request stamped ahead could otherwise be replayed until that
// time comes. We keep bolt's verification and put this check in front of it, by wrapping the receiver's
// public `requestListener` (its server calls `this.requestListener` for every request, so the wrapper sees
// each request before bolt buffers and verifies it).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../ops/logger.ts';

export interface TimestampGuardOptions {
  /** Seconds of allowed clock difference either way; Slack says 5 minutes. */
  readonly toleranceSeconds: number;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly endpoint: string;
  readonly logger: Logger;
}

/** Whether a request's X-Slack-Request-Timestamp is acceptable; null when the header is absent. */
export function timestampWithinWindow(header: string | undefined, nowMs: number, toleranceSeconds: number): boolean | null {
  if (header === undefined) return null;
  if (!/^\d{1,12}$/.test(header)) return false;
  return Math.abs(nowMs / 1000 - Number(header)) <= toleranceSeconds;
}

export function guardTimestamps(receiver: { requestListener: RequestListener }, options: TimestampGuardOptions): void {
  const verify = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const header = req.headers['x-slack-request-timestamp'];
    // A missing header goes on to bolt, which refuses it, except for Slack's unsigned `ssl_check` probes.
    const ok = timestampWithinWindow(Array.isArray(header) ? header[0] : header, options.now(), options.toleranceSeconds);
    if (req.method === 'POST' && path === options.endpoint && ok === false) {
      options.logger.warn(`slack: refused a request stamped more than ${options.toleranceSeconds}s from now`);
      // Drain the body so the client sees the 401 instead of a reset connection.
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    verify(req, res);
  };
}
