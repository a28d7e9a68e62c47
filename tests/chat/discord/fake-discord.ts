// A stand-in for Discord on 127.0.0.1: the REST routes the bot uses (node:http) and a minimal gateway
// (ws) that says HELLO, answers IDENTIFY with READY + GUILD_CREATE and ACKs heartbeats. The real
// discord.js talks to it; tests wait on recorded requests instead of sleeping.
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '111111111111111111';
export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '333333333333333333';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface PostedMessage {
  readonly id: string;
  readonly channelId: string;
  readonly body: Record<string, unknown>;
}

interface Script {
  readonly method: string;
  readonly path: RegExp;
  readonly response: ScriptedResponse;
  /** Matching requests to let through normally before this response is used. */
  skip: number;
}

export interface FakeDiscord {
  readonly api: string;
  readonly requests: RecordedRequest[];
  /** Messages the fake accepted (channel posts and interaction follow-ups), in order. */
  readonly messages: PostedMessage[];
  /** Threads started: message id -> parent channel id. */
  readonly threads: Map<string, string>;
  readonly gateway: { identify: Record<string, unknown> | null; heartbeats: number };
  /** Answer the next request matching method + path (after `skip` of them) with this response. */
  script(method: string, path: RegExp, response: ScriptedResponse, skip?: number): void;
  /** Resolves with the first request (already recorded or still to come) that matches; rejects after a bound. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitForHeartbeat(): Promise<void>;
  dispatch(type: string, data: unknown): void;
  close(): Promise<void>;
}

const BOT_USER = { id: APP_ID, username: 'newsbot', discriminator: '0', global_name: null, avatar: null, bot: true };

export async function startFakeDiscord(options: { heartbeatMs?: number } = {}): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const messages: PostedMessage[] = [];
  const threads = new Map<string, string>();
  const scripts: Script[] = [];
  const events = new EventEmitter();
  const sockets = new Set<WebSocket>();
  const gateway = { identify: null as Record<string, unknown> | null, heartbeats: 0 };
  let nextId = 500_000_000_000_000_000n;
  let seq = 0;
  const snowflake = () => String(nextId++);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const json = req.headers['content-type']?.includes('application/json') === true && raw !== '';
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.search,
        headers: req.headers,
        body: json ? JSON.parse(raw) : raw,
      };
      requests.push(request);
      route(request, res);
      events.emit('request', request);
    });
  });

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    // Discord.js parses any response with a JSON content type, so a 204 must carry none.
    if (body === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  function message(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    const id = snowflake();
    messages.push({ id, channelId, body });
    return {
      id, channel_id: channelId, type: 0, content: body.content ?? '', embeds: body.embeds ?? [], author: BOT_USER,
      timestamp: new Date().toISOString(), edited_timestamp: null, attachments: [], mentions: [], mention_roles: [],
      pinned: false, mention_everyone: false, tts: false, components: [], flags: body.flags ?? 0,
    };
  }

  function route(request: RecordedRequest, res: ServerResponse): void {
    const { method, path } = request;
    const scripted = scripts.findIndex((s) => s.method === method && s.path.test(path));
    const script = scripts[scripted];
    if (script !== undefined && script.skip > 0) script.skip--;
    else if (script !== undefined) {
      scripts.splice(scripted, 1);
      return send(res, script.response.status, script.response.body, script.response.headers);
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      const { port } = server.address() as AddressInfo;
      return send(res, 200, {
        url: `ws://127.0.0.1:${port}`, shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'PUT' && (m = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const list = request.body as Record<string, unknown>[];
      return send(res, 200, list.map((c, i) => ({ id: String(900 + i), application_id: m?.[1], guild_id: m?.[2], version: '1', ...c })));
    }
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return send(res, 204);
    if (method === 'PATCH' && (m = /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/.exec(path))) {
      return send(res, 200, message(CHANNEL_ID, body));
    }
    if (method === 'DELETE' && /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return send(res, 204);
    if (method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) return send(res, 200, message(CHANNEL_ID, body));
    if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      const [, channelId = '', messageId = ''] = m;
      if (threads.has(messageId)) {
        return send(res, 400, { message: 'A thread has already been created for this message', code: 160004 });
      }
      threads.set(messageId, channelId);
      // A thread started from a message takes the message's id.
      return send(res, 201, { id: messageId, type: 11, guild_id: GUILD_ID, parent_id: channelId, name: body.name });
    }
    if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      return send(res, 200, message(m[1] ?? '', body), {
        'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '4', 'X-RateLimit-Reset-After': '1', 'X-RateLimit-Bucket': 'messages',
      });
    }
    send(res, 404, { message: 'Unknown route', code: 0 });
  }

  const wss = new WebSocketServer({ server });
  const op = (ws: WebSocket, code: number, d: unknown = null, t: string | null = null) =>
    ws.send(JSON.stringify({ op: code, d, s: code === 0 ? ++seq : null, t }));
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    op(ws, 10, { heartbeat_interval: options.heartbeatMs ?? 41_250 });
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { op: number; d: Record<string, unknown> };
      if (frame.op === 1) {
        gateway.heartbeats++;
        op(ws, 11);
        events.emit('heartbeat');
      }
      if (frame.op === 2) {
        gateway.identify = frame.d;
        const { port } = server.address() as AddressInfo;
        op(ws, 0, {
          v: 10, user: { ...BOT_USER, verified: true, flags: 0 }, guilds: [{ id: GUILD_ID, unavailable: true }],
          session_id: 'session-1', resume_gateway_url: `ws://127.0.0.1:${port}`, shard: [0, 1], application: { id: APP_ID, flags: 0 },
        }, 'READY');
        op(ws, 0, guildCreate(), 'GUILD_CREATE');
      }
    });
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    messages,
    threads,
    gateway,
    script: (method, path, response, skip = 0) => void scripts.push({ method, path, response, skip }),
    waitForRequest(match, timeoutMs = 5000) {
      const seen = requests.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        // A bound, not a pacing sleep: a request that never comes fails the test quickly and says what came instead.
        const timer = setTimeout(() => {
          events.off('request', listener);
          const recent = requests.slice(-5).map((r) => `${r.method} ${r.path}`).join(', ');
          reject(new Error(`expected request did not arrive within ${timeoutMs} ms; last requests: ${recent}`));
        }, timeoutMs);
        const listener = (request: RecordedRequest) => {
          if (!match(request)) return;
          clearTimeout(timer);
          events.off('request', listener);
          resolve(request);
        };
        events.on('request', listener);
      });
    },
    waitForHeartbeat: () => (gateway.heartbeats > 0 ? Promise.resolve() : once(events, 'heartbeat').then(() => undefined)),
    dispatch(type, data) {
      for (const ws of sockets) op(ws, 0, data, type);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function guildCreate(): Record<string, unknown> {
  return {
    id: GUILD_ID, name: 'Test Guild', icon: null, owner_id: '1', afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, emojis: [], features: [], mfa_level: 0,
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    system_channel_flags: 0, premium_tier: 0, preferred_locale: 'en-US', nsfw_level: 0, stickers: [], joined_at: new Date().toISOString(),
    large: false, unavailable: false, member_count: 2, members: [], voice_states: [], presences: [], threads: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'news', position: 0, permission_overwrites: [], guild_id: GUILD_ID }],
  };
}

/** Manage Server (1 << 5) and nothing else; '0' for a member without it. */
export const MANAGE_GUILD = String(1n << 5n);

export function interactionPayload(input: {
  id: string;
  name: string;
  options?: unknown[];
  userId?: string;
  permissions?: string;
}): Record<string, unknown> {
  const user = { id: input.userId ?? '777777777777777777', username: 'alice', discriminator: '0', avatar: null, global_name: 'Alice' };
  return {
    id: input.id, application_id: APP_ID, type: 2, token: `token-${input.id}`, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'news' },
    member: { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, permissions: input.permissions ?? '0', flags: 0 },
    data: { id: '900', name: input.name, type: 1, options: input.options ?? [] },
    locale: 'en-US', guild_locale: 'en-US', app_permissions: '2147483647', entitlements: [],
    authorizing_integration_owners: { 0: GUILD_ID }, context: 0, attachment_size_limit: 10_485_760,
  };
}
