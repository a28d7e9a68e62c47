// A real Redis database for one test file: connected and emptied before its tests, emptied and closed
// after. Each file that uses Redis has its own database number, so files running in parallel never meet.
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll } from 'vitest';

export const REDIS_TEST_BASE = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

export function useRedisTestDb(db: number) {
  const url = `${REDIS_TEST_BASE}/${db}`;
  const client = createClient({ url });
  beforeAll(async () => {
    await client.connect().catch((error: unknown) => {
      throw new Error(`Redis is needed at ${url} (.ci/run starts it): ${String(error)}`);
    });
    await client.flushDb();
  });
  afterAll(async () => {
    await client.flushDb().catch(() => undefined);
    await client.quit().catch(() => undefined);
  });
  return { url, client } as const;
}
