// One way for tests to stand up an HTTP server on 127.0.0.1 (a random free port) and take it down again,
// open keep-alive connections included, so that no test hangs on close or leaks a listening socket.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalHttp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listenLocal(handler?: RequestListener): Promise<LocalHttp> {
  const server = handler === undefined ? createServer() : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: one bound and closed again (a "connection refused" target). */
export async function closedPort(): Promise<number> {
  const probe = await listenLocal();
  await probe.close();
  return probe.port;
}
