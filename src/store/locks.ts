// Leases shared by bot instances: a key held by one owner until it expires, so a dead instance never
// blocks the others for longer than the lease. In memory for a single process; in Redis (SET NX PX
// with owner-checked renew and release) when several instances share one store.

export interface Locks {
  /** Take `key` for `ttlMs`; true when `owner` holds it afterwards. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extend a lease `owner` still holds; false when it was lost (expired and taken). */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  release(key: string, owner: string): Promise<void>;
}

export function createMemoryLocks(now: () => number = Date.now): Locks {
  const leases = new Map<string, { owner: string; until: number }>();
  const holder = (key: string) => {
    const lease = leases.get(key);
    return lease !== undefined && lease.until > now() ? lease : undefined;
  };
  return {
    async acquire(key, owner, ttlMs) {
      const lease = holder(key);
      if (lease !== undefined && lease.owner !== owner) return false;
      leases.set(key, { owner, until: now() + ttlMs });
      return true;
    },
    async renew(key, owner, ttlMs) {
      if (holder(key)?.owner !== owner) return false;
      leases.set(key, { owner, until: now() + ttlMs });
      return true;
    },
    async release(key, owner) {
      if (holder(key)?.owner === owner) leases.delete(key);
    },
  };
}

/** The few Redis commands the leases need; @keyv/redis's node-redis client provides them. */
export interface RedisLike {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Owner-checked scripts: only the holder may extend or drop its lease.
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function createRedisLocks(client: RedisLike, prefix = 'news-digest:lock:'): Locks {
  return {
    acquire: async (key, owner, ttlMs) =>
      (await client.set(prefix + key, owner, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK' ||
      (await client.eval(RENEW, { keys: [prefix + key], arguments: [owner, String(ttlMs)] })) === 1,
    renew: async (key, owner, ttlMs) =>
      (await client.eval(RENEW, { keys: [prefix + key], arguments: [owner, String(ttlMs)] })) === 1,
    release: async (key, owner) => {
      await client.eval(RELEASE, { keys: [prefix + key], arguments: [owner] });
    },
  };
}
