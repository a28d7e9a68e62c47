// Run work while holding a lease, renewing it as long as the work runs, so a long digest keeps its
// lease and a crashed instance's lease runs out after `ttlMs`.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Locks } from '../store/locks.ts';

/** Who holds a lease: readable in Redis (`GET`) when debugging two instances. */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export const LEASE_DEFAULTS = {
  /** A lease lives this long without renewal: how long a crashed instance can block the others. */
  ttlMs: 15_000,
  /** How often a waiting instance checks whether the lease came free or the work got done. */
  pollMs: 250,
} as const;

export interface LeaseOptions {
  readonly locks: Locks;
  readonly owner: string;
  readonly ttlMs?: number;
}

/** Run `work` under the lease; null when the lease is held by someone else. */
export async function tryWithLease<T>(key: string, options: LeaseOptions, work: () => Promise<T>): Promise<{ value: T } | null> {
  const ttl = options.ttlMs ?? LEASE_DEFAULTS.ttlMs;
  if (!(await options.locks.acquire(key, options.owner, ttl))) return null;
  const timer = setInterval(() => void options.locks.renew(key, options.owner, ttl), Math.floor(ttl / 3));
  timer.unref();
  try {
    return { value: await work() };
  } finally {
    clearInterval(timer);
    await options.locks.release(key, options.owner);
  }
}

/**
 * Wait for the lease, then run `work`. `done()` is checked while waiting: when it turns true (another
 * instance did the work) waiting stops and null is returned.
 */
export async function withLease<T>(
  key: string,
  options: LeaseOptions & { done?: () => Promise<boolean>; sleep?: (ms: number) => Promise<void> },
  work: () => Promise<T>,
): Promise<{ value: T } | null> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (;;) {
    if ((await options.done?.()) === true) return null;
    const result = await tryWithLease(key, options, work);
    if (result !== null) return result;
    await sleep(LEASE_DEFAULTS.pollMs);
  }
}
