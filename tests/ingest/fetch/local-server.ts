// A throwaway HTTP server on 127.0.0.1 for fetch and feed tests: routes are plain handlers.
import type http from 'node:http';
import { listenLocal } from '../../local-http.ts';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
  readonly origin: string;
  url(path: string): string;
  /** Requests seen per path, with their headers, in arrival order. */
  readonly requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const { origin, close } = await listenLocal((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const handler = routes[path];
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  return { origin, url: (path) => `${origin}${path}`, requests, close };
}

export const TEST_POLICY = { allowPrivate: false, allow: ['127.0.0.1'] } as const;
