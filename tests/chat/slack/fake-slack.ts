// A stand-in Slack on 127.0.0.1: the Web API (form-encoded POST /api/<method>), a response_url collector
// (POST /respond/<id>) and a Socket Mode WebSocket (/link/). Records everything; waiters resolve on arrival,
// so tests never sleep for timing.
import { createHmac } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** The client's port: equal for two calls when they came over one kept-alive connection. */
  readonly remotePort: number | undefined;
  /** Form fields; JSON-encoded ones (blocks) parsed back into values. */
  readonly params: Record<string, unknown>;
}

export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface SlackUser {
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
}

export interface FakeSlack {
  readonly base: string;
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponseUrlPost[];
  /** Messages chat.postMessage accepted (scripted failures excluded): what the channel would show. */
  readonly posted: { readonly channel: string; readonly ts: string; readonly threadTs: string | null }[];
  /** Socket Mode frames the app sent (acks). */
  readonly socketFrames: Record<string, unknown>[];
  readonly users: Map<string, SlackUser>;
  /** One-shot answers for a method, used in order before the default handler. */
  script(method: string, ...answers: ScriptedAnswer[]): void;
  callsTo(method: string): ApiCall[];
  waitFor<T>(what: () => T | undefined, label: string): Promise<T>;
  /** Send a Socket Mode frame to the connected app. */
  sendFrame(frame: unknown): void;
  close(): Promise<void>;
}

const WAIT_LIMIT_MS = 5000;

export async function startFakeSlack(): Promise<FakeSlack> {
  const events = new EventEmitter();
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const posted: FakeSlack['posted'] = [];
  const socketFrames: Record<string, unknown>[] = [];
  const users = new Map<string, SlackUser>();
  const scripts = new Map<string, ScriptedAnswer[]>();
  const sockets = new Set<WebSocket>();
  let ts = 1_700_000_000;
  let base = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
        events.emit('change');
      };
      if (path.startsWith('/respond/')) {
        responses.push({ id: path.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, unknown> });
        return send(200, { ok: true });
      }
      if (!path.startsWith('/api/')) return send(404, { ok: false });
      const method = path.slice('/api/'.length);
      const params: Record<string, unknown> = {};
      for (const [key, value] of new URLSearchParams(raw)) params[key] = key === 'blocks' ? JSON.parse(value) : value;
      calls.push({ method, headers: req.headers, remotePort: req.socket.remotePort, params });
      const scripted = scripts.get(method)?.shift();
      if (scripted !== undefined) return send(scripted.status, scripted.body ?? { ok: false }, scripted.headers);
      return send(200, answer(method, params));
    });
  });

  function answer(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://fake.slack.com/' };
      case 'chat.postMessage': {
        ts += 1;
        const thread = params['thread_ts'];
        posted.push({ channel: String(params['channel']), ts: `${ts}.000100`, threadTs: typeof thread === 'string' ? thread : null });
        return { ok: true, channel: params['channel'], ts: `${ts}.000100`, message: { text: params['text'] } };
      }
      case 'users.info': {
        const user = users.get(String(params['user']));
        return user === undefined ? { ok: false, error: 'user_not_found' } : { ok: true, user: { id: params['user'], ...user } };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace('http', 'ws')}/link/?ticket=t1` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const wss = new WebSocketServer({ server, path: '/link/' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('message', (data: Buffer) => {
      socketFrames.push(JSON.parse(data.toString()) as Record<string, unknown>);
      events.emit('change');
    });
    socket.on('close', () => sockets.delete(socket));
    // Slack's first frame on a new connection; the client is not "connected" until it arrives.
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    apiUrl: `${base}/api/`,
    calls,
    responses,
    posted,
    socketFrames,
    users,
    script(method, ...answers) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...answers]);
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    async waitFor<T>(what: () => T | undefined, label: string): Promise<T> {
      const found = what();
      if (found !== undefined) return found;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('change', check);
          reject(new Error(`fake slack: timed out waiting for ${label}`));
        }, WAIT_LIMIT_MS);
        function check() {
          const value = what();
          if (value === undefined) return;
          clearTimeout(timer);
          events.off('change', check);
          resolve(value);
        }
        events.on('change', check);
      });
    },
    sendFrame(frame) {
      for (const socket of sockets) socket.send(JSON.stringify(frame));
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Slack's request signing: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)). */
export function signedHeaders(secret: string, body: string, timestampSeconds: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': signature,
  };
}

/** A slash command payload as Slack posts it, with response_url pointing at the fake's collector. */
export function slashCommand(fake: FakeSlack, fields: { command: string; text: string; userId?: string; id: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'fake',
    channel_id: 'C1',
    channel_name: 'news',
    user_id: fields.userId ?? 'U1',
    user_name: 'someone',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A1',
    response_url: `${fake.base}/respond/${fields.id}`,
    trigger_id: '1.2.3',
  };
}
