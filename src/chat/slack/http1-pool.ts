// A small HTTP/1.1 client for one origin: up to `maxSockets` kept-alive connections over node:net or
// node:tls, each carrying one request at a time (no pipelining: a POST is not idempotent, and a connection
// lost with several posts on it would leave all of them unsure). Callers hand over the whole request as
// bytes, so the hot path does no header building, validation or stream plumbing: node:http spent about
// half the bot's CPU per Slack message on that, which is what delays the last channel's first post when a
// digest goes to 1,000 channels at once.
import { isIP, connect as netConnect, type OnReadOpts, type Socket } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { Http1ProtocolError, type Http1Response, Http1ResponseParser } from './http1-response.ts';

export interface Http1PoolOptions {
  /** The origin: http: or https:, host and port (path and query are the caller's business). */
  readonly origin: URL;
  readonly maxSockets: number;
  /** A connection with a request on it and nothing read or written for this long is dropped. */
  readonly timeoutMs: number;
  /** Certificates to trust besides the system's (tests against a local https server). */
  readonly ca?: string;
}

export interface Http1Pool {
  /**
   * Sends `request` (a complete HTTP/1.1 request: head and body) on a free connection and resolves with
   * the answer. `onSent` is called once the bytes are handed to the operating system. Rejects with the
   * connection's error (code ECONNREFUSED, ECONNRESET, ETIMEDOUT, HTTP1_PROTOCOL_ERROR, ...).
   */
  send(request: Buffer, onSent?: () => void): Promise<Http1Response>;
  /**
   * Resolves once no request is queued or waiting for its answer, or after `maxWaitMs` at the latest
   * (a pool kept busy without a pause must not hold its callers forever).
   */
  whenIdle(maxWaitMs: number): Promise<void>;
  /** Drops idle connections; requests in flight finish, and a later send opens a new connection. */
  close(): void;
}

/** Slack's answers to chat.postMessage are a few hundred bytes; a larger one arrives in several reads. */
const READ_BUFFER_BYTES = 64 * 1024;

interface Pending {
  readonly request: Buffer;
  readonly onSent: (() => void) | undefined;
  readonly resolve: (response: Http1Response) => void;
  readonly reject: (error: unknown) => void;
}

interface Connection {
  readonly socket: Socket;
  readonly parser: Http1ResponseParser;
  /** The request on the connection, waiting for its answer. */
  active: Pending | null;
  /** No more requests: the server said close, or the connection failed or ended. */
  done: boolean;
}

export function createHttp1Pool(options: Http1PoolOptions): Http1Pool {
  const { origin, maxSockets, timeoutMs } = options;
  const secure = origin.protocol === 'https:';
  const host = origin.hostname.replace(/^\[|\]$/g, '');
  const port = Number(origin.port || (secure ? 443 : 80));
  const idle: Connection[] = [];
  const connections = new Set<Connection>();
  // Waiting for a connection: an array read from `head`, so a wave of 1,000 posts costs no shifting.
  let queue: Pending[] = [];
  let head = 0;
  const readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  // Requests on a connection (sent, not answered), and who waits for none to be queued or on one.
  let busy = 0;
  let idleWaiters: (() => void)[] = [];
  let idleTimer: NodeJS.Timeout | undefined;
  const releaseIdle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const open = (): Connection => {
    const read = (chunk: Buffer): void => {
      try {
        connection.parser.push(chunk);
      } catch (error) {
        fail(connection, error);
      }
    };
    // Reads go straight into one buffer shared by all connections (the parser copies what it keeps),
    // skipping the readable stream's per-read work: events (end, error, close) are emitted as usual.
    const onread: OnReadOpts = {
      buffer: readBuffer,
      callback: (length: number, buffer: Uint8Array) => {
        read(Buffer.from(buffer.buffer, buffer.byteOffset, length));
        return true;
      },
    };
    // SNI names a host, never an address (RFC 6066); the certificate is checked against the host either way.
    // tls.connect takes every socket.connect option, onread included (Node's docs; its types omit it).
    const tlsOptions: ConnectionOptions & { onread: OnReadOpts } = {
      host,
      port,
      onread,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      ALPNProtocols: ['http/1.1'],
    };
    const socket = secure ? tlsConnect(tlsOptions) : netConnect({ host, port, onread });
    socket.setNoDelay(true);
    // Node refreshes this timer on every read and write itself: no per-request timer.
    socket.setTimeout(timeoutMs);
    const connection: Connection = { socket, parser: new Http1ResponseParser((response) => answered(connection, response)), active: null, done: false };
    connections.add(connection);
    socket.on('timeout', () => {
      if (connection.active === null) retire(connection);
      else fail(connection, Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    socket.on('error', (error) => fail(connection, error));
    // The server ended the connection (an idle keep-alive timing out, or a close-delimited answer).
    socket.on('end', () => {
      try {
        connection.parser.end();
      } catch (error) {
        fail(connection, error);
        return;
      }
      fail(connection, Object.assign(new Error('connection closed before an answer'), { code: 'ECONNRESET' }));
    });
    socket.on('close', () => fail(connection, Object.assign(new Error('connection closed before an answer'), { code: 'ECONNRESET' })));
    return connection;
  };

  /** Takes the connection out of use; idle ones are simply closed. */
  const retire = (connection: Connection): void => {
    if (!connection.done) {
      connection.done = true;
      connections.delete(connection);
      const at = idle.indexOf(connection);
      if (at >= 0) idle.splice(at, 1);
    }
    connection.socket.destroy();
  };

  /** The request on a failed connection gets the connection's error; queued ones go on other connections. */
  const fail = (connection: Connection, error: unknown): void => {
    const active = connection.active;
    connection.active = null;
    if (active !== null) busy -= 1;
    retire(connection);
    active?.reject(error instanceof Error ? error : new Http1ProtocolError(String(error)));
    pump();
  };

  const answered = (connection: Connection, response: Http1Response): void => {
    const active = connection.active;
    if (active === null) {
      // An answer nobody asked for: the connection is out of step with us.
      fail(connection, new Http1ProtocolError('answer without a request'));
      return;
    }
    connection.active = null;
    busy -= 1;
    if (response.close) retire(connection);
    else {
      connection.socket.unref();
      idle.push(connection);
    }
    active.resolve(response);
    pump();
  };

  const start = (connection: Connection, pending: Pending): void => {
    connection.active = pending;
    busy += 1;
    // A connection only keeps the process alive while it carries a request (Node's Agent does the same).
    connection.socket.ref();
    const { onSent } = pending;
    connection.socket.write(pending.request, onSent === undefined ? undefined : (error) => {
      if (error === undefined || error === null) onSent();
    });
  };

  function pump(): void {
    while (head < queue.length) {
      let connection = idle.pop();
      if (connection === undefined) {
        if (connections.size >= maxSockets) return;
        connection = open();
      }
      const pending = queue[head]!;
      queue[head] = undefined as unknown as Pending;
      head += 1;
      start(connection, pending);
    }
    queue = [];
    head = 0;
    if (busy === 0 && idleWaiters.length > 0) releaseIdle();
  }

  return {
    send: (request, onSent) =>
      new Promise<Http1Response>((resolve, reject) => {
        queue.push({ request, onSent, resolve, reject });
        pump();
      }),
    whenIdle: (maxWaitMs) => {
      if (head >= queue.length && busy === 0) return Promise.resolve();
      // One timer for all waiters: a wave of 1,000 posts has 1,000 of them.
      idleTimer ??= setTimeout(releaseIdle, maxWaitMs).unref();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    close: () => {
      for (const connection of [...idle]) retire(connection);
    },
  };
}
