// Why a network service cannot be reached, in plain words: one TCP connection to its host and port.
// The Redis client says only that it "failed to connect" (and names its own option); the doctor
// needs to tell a stopped server from a wrong host name or a firewall.
import { connect } from 'node:net';

export type TcpVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export async function probeTcp(host: string, port: number, timeoutMs: number): Promise<TcpVerdict> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (verdict: TcpVerdict) => {
      socket.destroy();
      resolve(verdict);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: `no answer within ${timeoutMs / 1000} s (a firewall, or the wrong host)` }));
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ ok: false, reason: networkErrorText(error.code, error.message) }));
  });
}

/** A socket error code in plain words; the message when the code is not one of the usual ones. */
export function networkErrorText(code: string | undefined, fallback: string): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found (check the URL or DNS)';
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens on that port)';
  if (code === 'ECONNRESET') return 'the server closed the connection';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'no route to that host (network down, or the wrong address)';
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) return `TLS certificate problem (${code})`;
  return fallback;
}
