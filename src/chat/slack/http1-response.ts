// Reads HTTP/1.1 responses off a kept-alive connection, as bytes arrive in arbitrary pieces: the status
// line and headers, then a body framed by Content-Length, by chunked transfer coding, or (when neither is
// given) by the end of the connection (RFC 9112 section 6.3). Interim 1xx answers are skipped. It keeps
// only what the Slack poster acts on: status, a few headers, the body as text.

export interface Http1Response {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The server closes the connection after this answer: nothing sent behind it on the connection was read. */
  readonly close: boolean;
}

/** A response the parser cannot frame safely; the connection carrying it cannot be used again. */
export class Http1ProtocolError extends Error {
  readonly code = 'HTTP1_PROTOCOL_ERROR';
  constructor(message: string) {
    super(message);
    this.name = 'Http1ProtocolError';
  }
}

/** Past these sizes an answer is not Slack's (its heads are well under 4 KB, bodies a few hundred bytes). */
const LIMITS = { headBytes: 64 * 1024, bodyBytes: 16 * 1024 * 1024, chunkLineBytes: 4 * 1024 } as const;

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const CLOSE_OPTION = /(?:^|,)\s*close\s*(?:,|$)/i;
const KEEP_ALIVE_OPTION = /(?:^|,)\s*keep-alive\s*(?:,|$)/i;
const EMPTY = Buffer.alloc(0);
const DIGITS = /^\d{1,15}$/;

/** "HTTP/1.1 200 OK" -> 200 (the reason phrase may be empty or missing). */
function statusOf(head: string): number {
  const lineEnd = head.indexOf('\r\n');
  const line = lineEnd < 0 ? head : head.slice(0, lineEnd);
  const digit = (i: number) => line.charCodeAt(i) - 0x30;
  const valid =
    line.startsWith('HTTP/1.') && (line[7] === '0' || line[7] === '1') && line[8] === ' ' &&
    [9, 10, 11].every((i) => digit(i) >= 0 && digit(i) <= 9) && (line.length === 12 || line[12] === ' ');
  if (!valid) throw new Http1ProtocolError('not an HTTP/1.x status line');
  return digit(9) * 100 + digit(10) * 10 + digit(11);
}

type Framing = { kind: 'length'; left: number } | { kind: 'chunked'; left: number; stage: 'size' | 'data' | 'data-end' | 'trailers' } | { kind: 'close' };

export class Http1ResponseParser {
  private pending: Buffer = EMPTY;
  private current: { status: number; headers: Record<string, string>; close: boolean; parts: Buffer[]; size: number; framing: Framing } | null = null;

  private readonly onResponse: (response: Http1Response) => void;

  constructor(onResponse: (response: Http1Response) => void) {
    this.onResponse = onResponse;
  }

  /** True while a response has started and not ended: the connection's end would cut it short. */
  get busy(): boolean {
    return this.current !== null || this.pending.length > 0;
  }

  /** Feeds bytes read from the connection; throws Http1ProtocolError on an answer it cannot frame. */
  push(chunk: Buffer): void {
    const buf = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let pos = 0;
    // Each step consumes bytes or waits for more: it returns where the next one starts.
    for (;;) {
      const next = this.current === null ? this.readHead(buf, pos) : this.readBody(buf, pos);
      if (next === pos) break;
      pos = next;
    }
    // Keep only the unread tail, copied so the socket's read buffer is not held on to.
    this.pending = pos === buf.length ? EMPTY : Buffer.from(buf.subarray(pos));
  }

  /**
   * The connection ended. A response framed by the end of the connection completes here; one cut short
   * by it throws, as does a partial head.
   */
  end(): void {
    if (this.current?.framing.kind === 'close') {
      this.finish();
      return;
    }
    if (this.busy) throw new Http1ProtocolError('connection closed in the middle of a response');
  }

  /** Returns the position after the head, or `pos` when the head is not complete yet. */
  private readHead(buf: Buffer, pos: number): number {
    const end = buf.indexOf(HEAD_END, pos);
    if (end < 0) {
      if (buf.length - pos > LIMITS.headBytes) throw new Http1ProtocolError('response head too large');
      return pos;
    }
    const head = buf.toString('latin1', pos, end);
    const status = statusOf(head);
    const headers = headerFields(head);
    const next = end + HEAD_END.length;
    // 100 Continue and other interim answers precede the real one (101 would switch protocols: not ours).
    if (status >= 100 && status < 200 && status !== 101) return next;
    const connection = headers['connection'];
    // HTTP/1.0 closes after each answer unless it says keep-alive (RFC 9112 9.3).
    const close = head.startsWith('HTTP/1.0')
      ? !(connection !== undefined && KEEP_ALIVE_OPTION.test(connection))
      : connection !== undefined && CLOSE_OPTION.test(connection);
    this.current = { status, headers, close, parts: [], size: 0, framing: framingOf(status, headers) };
    // An empty body is complete now (readBody only moves on by consuming bytes).
    if (this.current.framing.kind === 'length' && this.current.framing.left === 0) this.finish();
    return next;
  }

  /** Returns the position after what it consumed, or `pos` when it needs more bytes. */
  private readBody(buf: Buffer, pos: number): number {
    const current = this.current!;
    const framing = current.framing;
    if (framing.kind === 'close') {
      if (pos < buf.length) this.append(current, buf.subarray(pos));
      return buf.length;
    }
    if (framing.kind === 'length') {
      const take = Math.min(framing.left, buf.length - pos);
      if (take === 0) return pos;
      this.append(current, buf.subarray(pos, pos + take));
      framing.left -= take;
      if (framing.left === 0) this.finish();
      return pos + take;
    }
    switch (framing.stage) {
      case 'size': {
        const lineEnd = buf.indexOf(CRLF, pos);
        if (lineEnd < 0) {
          if (buf.length - pos > LIMITS.chunkLineBytes) throw new Http1ProtocolError('chunk size line too long');
          return pos;
        }
        // chunk-size [; extensions]: the extensions mean nothing to us.
        const hex = buf.toString('latin1', pos, lineEnd).split(';')[0]!.trim();
        if (!/^[0-9a-fA-F]{1,8}$/.test(hex)) throw new Http1ProtocolError('malformed chunk size');
        framing.left = Number.parseInt(hex, 16);
        framing.stage = framing.left === 0 ? 'trailers' : 'data';
        return lineEnd + CRLF.length;
      }
      case 'data': {
        const take = Math.min(framing.left, buf.length - pos);
        if (take === 0) return pos;
        this.append(current, buf.subarray(pos, pos + take));
        framing.left -= take;
        if (framing.left === 0) framing.stage = 'data-end';
        return pos + take;
      }
      case 'data-end': {
        if (buf.length - pos < CRLF.length) return pos;
        if (buf[pos] !== 0x0d || buf[pos + 1] !== 0x0a) throw new Http1ProtocolError('chunk not followed by CRLF');
        framing.stage = 'size';
        return pos + CRLF.length;
      }
      case 'trailers': {
        // Trailer fields until an empty line; none of them matter here.
        const lineEnd = buf.indexOf(CRLF, pos);
        if (lineEnd < 0) {
          if (buf.length - pos > LIMITS.headBytes) throw new Http1ProtocolError('trailers too large');
          return pos;
        }
        if (lineEnd === pos) this.finish();
        return lineEnd + CRLF.length;
      }
    }
  }

  private append(current: NonNullable<Http1ResponseParser['current']>, part: Buffer): void {
    current.size += part.length;
    if (current.size > LIMITS.bodyBytes) throw new Http1ProtocolError('response body too large');
    // Copied: the connection may read into the same memory again before the answer is complete.
    current.parts.push(Buffer.from(part));
  }

  private finish(): void {
    const current = this.current!;
    this.current = null;
    const body = current.parts.length === 1 ? current.parts[0]!.toString('utf8') : Buffer.concat(current.parts).toString('utf8');
    this.onResponse({ status: current.status, headers: current.headers, body, close: current.close });
  }
}

/**
 * The header fields of a message head (the lines after its start line), names in lower case, repeated
 * fields joined with ", " (RFC 9110 5.3). Throws Http1ProtocolError on a line without a colon or with
 * whitespace before it (RFC 9112 5.1: a server must reject that, so must a client).
 */
export function headerFields(head: string): Record<string, string> {
  // Read with indexOf and slice rather than split and regular expressions: this runs for every post.
  const headers: Record<string, string> = {};
  let lineEnd = head.indexOf('\r\n');
  while (lineEnd >= 0) {
    const from = lineEnd + 2;
    lineEnd = head.indexOf('\r\n', from);
    const to = lineEnd < 0 ? head.length : lineEnd;
    const colon = head.indexOf(':', from);
    if (colon <= from || colon >= to || head.charCodeAt(colon - 1) <= 0x20) throw new Http1ProtocolError('malformed header line');
    const name = head.slice(from, colon).toLowerCase();
    const value = head.slice(colon + 1, to).trim();
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

function framingOf(status: number, headers: Record<string, string>): Framing {
  // 204 and 304 never carry a body, whatever their headers say.
  if (status === 204 || status === 304) return { kind: 'length', left: 0 };
  const coding = headers['transfer-encoding'];
  if (coding !== undefined) {
    // Chunked must be the last coding; anything else is framed by the connection's end (RFC 9112 6.3).
    if (/(?:^|,)\s*chunked\s*$/i.test(coding)) return { kind: 'chunked', left: 0, stage: 'size' };
    return { kind: 'close' };
  }
  const length = headers['content-length'];
  if (length !== undefined) {
    // Repeated Content-Length headers arrive joined; they must all agree.
    const values = length.split(',');
    const only = values[0]!.trim();
    if (!DIGITS.test(only) || values.some((v) => v.trim() !== only)) throw new Http1ProtocolError('invalid Content-Length');
    const left = Number(only);
    if (left > LIMITS.bodyBytes) throw new Http1ProtocolError('response body too large');
    return { kind: 'length', left };
  }
  return { kind: 'close' };
}
