// Redis for the ops tests: REDIS_TEST_URL (CI starts a Redis) or the local default. Each test file
// uses its own database index so parallel test files never clear each other's keys.
import { createConnection } from 'node:net';

const BASE = (process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '');

export function redisTestUrl(db: number): string {
  return `${BASE}/${db}`;
}

/** Fails with a message that says what to start, instead of a timeout deep inside a test. */
export async function requireRedis(): Promise<void> {
  const { hostname, port } = new URL(BASE);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  if (!reachable) {
    throw new Error(
      `Redis is not reachable at ${BASE}: these tests need a real Redis. Start one with ` +
        '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no` or set REDIS_TEST_URL.',
    );
  }
}
