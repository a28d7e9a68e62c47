// A stand-in Slack Web API on raw sockets, scripted per request: each request is read in full (head and a
// Content-Length body) and then answered as the script says, or the connection is dropped without a byte
// of answer: the case where a request reached Slack and its answer was lost. node:http cannot drop a
// connection after reading the body without answering; node:net (and node:tls) can. Optionally over TLS.
import { once } from 'node:events';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

/**
 * `drop`: read the whole request, then close the connection without answering. `stall`: read it and never
 * answer (the client's answer timeout ends it).
 */
export type ScriptStep = 'drop' | 'stall' | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body: unknown };

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly form: URLSearchParams;
}

export interface ScriptedSlack {
  /** http(s)://127.0.0.1:<port>/api/ */
  readonly apiUrl: string;
  readonly port: number;
  /** Every request read in full, answered or dropped, in arrival order. */
  readonly received: ReceivedRequest[];
  /** Connections opened (a TLS one counts even when its handshake fails). */
  readonly connections: () => number;
  close(): Promise<void>;
}

const OK = (ts: string): ScriptStep => ({ status: 200, body: { ok: true, ts } });

/**
 * Answers chat.postMessage with `script`'s steps in order; past its end every post is accepted (ok, a fresh ts). Listens on
 * `port` when given (a test that first meets a refused connection brings the stand-in up on that port).
 */
export async function startScriptedSlack(script: ScriptStep[], options: { port?: number; tls?: { key: string; cert: string } } = {}): Promise<ScriptedSlack> {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let ts = 0;
  const serve = (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const request = takeRequest(buffered);
        if (request === null) return;
        buffered = buffered.subarray(request.length);
        received.push(request.request);
        // The script is for posts; anything else (bolt's auth.test at start-up) is simply answered ok.
        const isPost = request.request.path.endsWith('/chat.postMessage');
        const step = (isPost ? script.shift() : { status: 200, body: { ok: true } }) ?? OK(`1700000000.${String(++ts).padStart(6, '0')}`);
        if (step === 'drop') {
          socket.destroy();
          return;
        }
        if (step === 'stall') return;
        const body = JSON.stringify(step.body);
        const head = [`HTTP/1.1 ${step.status} Scripted`, 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`];
        for (const [name, value] of Object.entries(step.headers ?? {})) head.push(`${name}: ${value}`);
        socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
      }
    });
  };
  const server: Server = options.tls === undefined ? createTcpServer(serve) : createTlsServer({ ...options.tls }, serve);
  // A failed handshake never reaches `serve`; count it as a connection all the same.
  server.on('tlsClientError', () => (connections += 1));
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}/api/`,
    port,
    received,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A whole request at the start of `buffer` and its length in bytes, or null while it is incomplete. */
function takeRequest(buffer: Buffer): { request: ReceivedRequest; length: number } | null {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const [line = '', ...fields] = buffer.toString('latin1', 0, headEnd).split('\r\n');
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
  }
  const length = headEnd + 4 + Number(headers['content-length'] ?? 0);
  if (buffer.length < length) return null;
  const form = new URLSearchParams(buffer.toString('utf8', headEnd + 4, length));
  return { request: { path: line.split(' ')[1] ?? '', headers, form }, length };
}

/** A port nothing listens on (yet): bound once by the OS, then released. */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
