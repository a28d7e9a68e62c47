// A small HTTP/1.1 server on node:net for the Slack stand-in: request line, headers and a Content-Length
// body are parsed from the bytes as they arrive (several requests on a kept-alive connection, in any
// pieces), and each answer goes out as one write. node:http's server spent about 0.2 ms of CPU per request
// on streams, events and header objects, as much as the bot spends per message; a real Slack answers from
// many servers and is not CPU-bound at a bench's scale, so the stand-in (bench equipment, on its own core)
// should not be what the delivery bench measures. The rate limits it enforces are the handler's business.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { headerFields } from '../../src/chat/slack/http1-response.ts';
import type { BodyServer } from './body-server.ts';

export interface LeanRequest {
  readonly method: string;
  /** The request target as sent (path and query). */
  readonly target: string;
  /** Header names in lower case; repeated headers joined with ", " (so a repeated Content-Length is refused). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as latin1 text: one character per byte, so percent-encoded forms read unchanged. */
  readonly body: string;
}

export interface LeanAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON text (ASCII: its length is its byte length). */
  readonly body: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');
/** Past this a head is no client's we serve; the connection is answered 431 and closed. */
const HEAD_LIMIT = 64 * 1024;
const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 400: 'Bad Request', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 501: 'Not Implemented' };

export async function startLeanServer(handle: (request: LeanRequest) => LeanAnswer): Promise<BodyServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending: Buffer | null = null;
    socket.on('data', (chunk: Buffer) => {
      let buf = pending === null ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const taken = serveOne(socket, buf, handle);
        if (taken === 0) break;
        if (taken < 0) return;
        buf = buf.subarray(taken);
      }
      // Keep only the unread tail, copied: `chunk` may be reused by the next read.
      pending = buf.length === 0 ? null : Buffer.from(buf);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers the request at the start of `buf`: the bytes it took, 0 when it is not complete, -1 when the connection is closed. */
function serveOne(socket: Socket, buf: Buffer, handle: (request: LeanRequest) => LeanAnswer): number {
  const end = buf.indexOf(HEAD_END);
  if (end < 0) {
    if (buf.length > HEAD_LIMIT) return refuse(socket, 431);
    return 0;
  }
  const head = buf.toString('latin1', 0, end);
  const lineEnd = head.indexOf('\r\n');
  const line = lineEnd < 0 ? head : head.slice(0, lineEnd);
  const [method, target, version, extra] = line.split(' ');
  if (method === undefined || target === undefined || extra !== undefined || (version !== 'HTTP/1.1' && version !== 'HTTP/1.0')) return refuse(socket, 400);
  let headers: Record<string, string>;
  try {
    // Field lines are read as the bot's client reads them: one parser for both ends of the bench.
    headers = headerFields(head);
  } catch {
    return refuse(socket, 400);
  }
  // Our clients send Content-Length; a chunked body is refused rather than misread.
  if (headers['transfer-encoding'] !== undefined) return refuse(socket, 501);
  const lengthText = headers['content-length'] ?? '0';
  if (!/^\d{1,9}$/.test(lengthText)) return refuse(socket, 400);
  const bodyStart = end + HEAD_END.length;
  const bodyEnd = bodyStart + Number(lengthText);
  if (buf.length < bodyEnd) return 0;
  const connection = (headers['connection'] ?? '').toLowerCase();
  const close = version === 'HTTP/1.0' ? !connection.includes('keep-alive') : connection.includes('close');
  const answer = handle({ method, target, headers, body: buf.toString('latin1', bodyStart, bodyEnd) });
  socket.write(responseText(answer, close), 'latin1');
  if (close) {
    socket.end();
    return -1;
  }
  return bodyEnd;
}

function responseText(answer: LeanAnswer, close: boolean): string {
  let text = `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Unknown'}\r\ncontent-type: application/json\r\ncontent-length: ${answer.body.length}\r\n`;
  for (const [name, value] of Object.entries(answer.headers ?? {})) text += `${name}: ${value}\r\n`;
  if (close) text += 'connection: close\r\n';
  return `${text}\r\n${answer.body}`;
}

function refuse(socket: Socket, status: number): -1 {
  socket.end(responseText({ status, body: '{"ok":false,"error":"invalid_request"}' }, true), 'latin1');
  return -1;
}
