import { describe, expect, it } from 'vitest';
import { createMemoryLocks, createRedisLocks, type Locks, type RedisLike } from '../../src/store/locks.ts';
import { useRedisTestDb } from '../redis-test-db.ts';

const { client: redis } = useRedisTestDb(10);

function contract(name: string, make: () => Locks, wait: (ms: number) => Promise<void>) {
  describe(name, () => {
    it('gives a key to one owner at a time, and back after release', async () => {
      const locks = make();
      expect(await locks.acquire('k', 'a', 5_000)).toBe(true);
      expect(await locks.acquire('k', 'b', 5_000)).toBe(false);
      expect(await locks.acquire('k', 'a', 5_000)).toBe(true);
      await locks.release('k', 'b');
      expect(await locks.acquire('k', 'b', 5_000)).toBe(false);
      await locks.release('k', 'a');
      expect(await locks.acquire('k', 'b', 5_000)).toBe(true);
    });

    it('lets a lease expire so a dead owner does not block forever; renew keeps it', async () => {
      const locks = make();
      expect(await locks.acquire('e', 'dead', 150)).toBe(true);
      expect(await locks.acquire('r', 'alive', 150)).toBe(true);
      await wait(80);
      expect(await locks.renew('r', 'alive', 300)).toBe(true);
      expect(await locks.renew('r', 'other', 300)).toBe(false);
      await wait(120);
      expect(await locks.acquire('e', 'next', 1_000)).toBe(true);
      expect(await locks.acquire('r', 'next', 1_000)).toBe(false);
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
contract('memory locks', () => createMemoryLocks(), sleep);
contract('redis locks', () => createRedisLocks(redis as unknown as RedisLike, `test-${Date.now()}:`), sleep);
