// The poster's HTTP/1.1 client against node:http servers (an independent implementation of the protocol)
// and raw sockets for what node:http would never send: answers matched to requests on kept-alive
// connections, chunked and Content-Length bodies, Connection: close, idle connections the server drops,
// the connection limit, and failures as errors with a code.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp1Pool, type Http1Pool } from '../../../src/chat/slack/http1-pool.ts';
import { listenServer } from '../../local-http.ts';
import { TEST_TLS } from './tls-fixture.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server): Promise<URL> {
  const local = await listenServer(server);
  closers.push(local.close);
  return new URL(local.origin);
}

/** A node:http server answering each POST with `answer(body, req, res)`; records client ports. */
async function httpServer(answer: (body: string, req: IncomingMessage, res: ServerResponse) => void) {
  const ports: number[] = [];
  const server = createHttpServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => answer(body, req, res));
  });
  const origin = await listen(server);
  return { origin, ports, server };
}

const post = (origin: URL, body: string, extra = '') =>
  Buffer.from(`POST /api/x HTTP/1.1\r\nhost: ${origin.host}\r\ncontent-length: ${Buffer.byteLength(body)}${extra}\r\n\r\n${body}`);

function pool(origin: URL, maxSockets = 4, timeoutMs = 5000): Http1Pool {
  const created = createHttp1Pool({ origin, maxSockets, timeoutMs });
  closers.push(async () => created.close());
  return created;
}

describe('HTTP/1.1 pool', () => {
  it('matches answers to requests over kept-alive connections, chunked or with a length, and calls onSent first', async () => {
    const { origin, ports } = await httpServer((body, _req, res) => {
      res.setHeader('content-type', 'application/json');
      if (body.endsWith('0')) {
        // No length given and written in pieces: node:http sends it chunked.
        res.write('{"echo":');
        res.end(`"${body}"}`);
      } else res.end(`{"echo":"${body}"}`);
    });
    const client = pool(origin, 2);
    const order: string[] = [];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.send(post(origin, `n=${i}`), () => order.push(`sent ${i}`)).then((r) => {
          order.push(`answered ${i}`);
          return r;
        }),
      ),
    );
    expect(answers.map((a) => JSON.parse(a.body) as unknown)).toEqual(Array.from({ length: 20 }, (_, i) => ({ echo: `n=${i}` })));
    expect(answers.find((a) => a.headers['transfer-encoding'] === 'chunked')).toBeDefined();
    for (let i = 0; i < 20; i += 1) expect(order.indexOf(`sent ${i}`)).toBeLessThan(order.indexOf(`answered ${i}`));
    // Never more than the limit, and connections were reused.
    expect(new Set(ports).size).toBe(2);
  });

  it('whenIdle resolves at once when idle, else once every queued request is answered, or at its bound', async () => {
    const held: ServerResponse[] = [];
    const { origin } = await httpServer((body, _req, res) => (body === 'hold' ? held.push(res) : res.end('{}')));
    const client = pool(origin, 1);
    await client.whenIdle(60_000);
    const events: string[] = [];
    const sends = [0, 1, 2].map((i) => client.send(post(origin, `n=${i}`)).then(() => events.push(`answer ${i}`)));
    await client.whenIdle(60_000).then(() => events.push('idle'));
    await Promise.all(sends);
    expect(events).toEqual(['answer 0', 'answer 1', 'answer 2', 'idle']);
    // A request that is not answered holds it only up to the bound.
    const hold = client.send(post(origin, 'hold'));
    const started = performance.now();
    await client.whenIdle(50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    held[0]!.end('{}');
    await hold;
  });

  it('an answer larger than one read arrives whole on each of two connections read into one shared buffer', async () => {
    const big = (tag: string) => JSON.stringify({ ok: true, pad: tag.repeat(150_000) });
    const { origin } = await httpServer((body, _req, res) => {
      const text = big(body.slice(-1));
      // Written in pieces so the two answers' reads interleave.
      for (let at = 0; at < text.length; at += 10_000) res.write(text.slice(at, at + 10_000));
      res.end();
    });
    const client = pool(origin, 2);
    const [x, y] = await Promise.all([client.send(post(origin, 'n=x')), client.send(post(origin, 'n=y'))]);
    expect([x.body === big('x'), y.body === big('y')]).toEqual([true, true]);
  });

  it('after Connection: close, or when the server drops an idle connection, the next request takes a new one', async () => {
    let closeNext = true;
    const { origin, ports, server } = await httpServer((_body, _req, res) => {
      if (closeNext) res.setHeader('connection', 'close');
      closeNext = false;
      res.end('{}');
    });
    const client = pool(origin, 1);
    expect((await client.send(post(origin, 'a'))).close).toBe(true);
    expect((await client.send(post(origin, 'b'))).close).toBe(false);
    // The server ends the idle connection (as its keep-alive timeout would); once the end has reached the
    // client's event loop, the pool has dropped the connection and opens another.
    server.closeIdleConnections();
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect((await client.send(post(origin, 'c'))).status).toBe(200);
    expect(new Set(ports).size).toBe(3);
  });

  it('an answer it cannot frame, or a connection cut mid-answer, fails that request with a code; the next one works', async () => {
    let mode = 'garbage';
    const server = createNetServer((socket) => {
      socket.once('data', () => {
        if (mode === 'garbage') socket.end('HTTP/1.1 200 OK\r\nContent-Length: nope\r\n\r\n');
        else if (mode === 'cut') socket.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}');
        else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}');
      });
    });
    const origin = await listen(server);
    const client = pool(origin, 1);
    await expect(client.send(post(origin, 'a'))).rejects.toMatchObject({ code: 'HTTP1_PROTOCOL_ERROR' });
    mode = 'cut';
    await expect(client.send(post(origin, 'b'))).rejects.toMatchObject({ code: 'HTTP1_PROTOCOL_ERROR' });
    mode = 'fine';
    expect((await client.send(post(origin, 'c'))).body).toBe('{}');
  });

  it('a connection the server resets before answering fails its request as ECONNRESET', async () => {
    const server = createNetServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const origin = await listen(server);
    await expect(pool(origin, 1).send(post(origin, 'a'))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('speaks TLS to an https origin, checking the certificate against the host name', async () => {
    const server = createHttpsServer(TEST_TLS, (_req, res) => {
      res.write('{"ok":');
      res.end('true}');
    });
    const origin = await listen(server);
    const byName = new URL(`https://localhost:${origin.port}`);
    const trusting = pool(byName, 1);
    const trusted = createHttp1Pool({ origin: byName, maxSockets: 1, timeoutMs: 5000, ca: TEST_TLS.cert });
    closers.push(async () => trusted.close());
    const answers = [await trusted.send(post(byName, 'a')), await trusted.send(post(byName, 'b'))];
    expect(answers.map((a) => a.body)).toEqual(['{"ok":true}', '{"ok":true}']);
    // Without the certificate in its trust store, the client refuses to talk.
    await expect(trusting.send(post(byName, 'c'))).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});
