// One way for tests to stand up a server on 127.0.0.1 (a random free port) and take it down again, open
// kept-alive connections included, so that no test hangs on close or leaks a listening socket.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface LocalHttp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Any node:net server (plain TCP, http, https) listening on 127.0.0.1; close destroys its open sockets. */
export async function listenServer(server: Server): Promise<LocalHttp> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server with `handler` (or none: for a port to close again). */
export function listenLocal(handler?: RequestListener): Promise<LocalHttp> {
  return listenServer(handler === undefined ? createServer() : createServer(handler));
}

/** A port nothing listens on: one bound and closed again (a "connection refused" target). */
export async function closedPort(): Promise<number> {
  const probe = await listenLocal();
  await probe.close();
  return probe.port;
}
