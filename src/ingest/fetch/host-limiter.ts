// At most N requests in flight per host: several feeds of one outlet are fetched politely one after another.

export interface HostLimiter {
  /** Resolves with a release function once a slot for `host` is free. */
  acquire(host: string): Promise<() => void>;
}

export function createHostLimiter(perHost: number): HostLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const release = (host: string): void => {
    const next = waiting.get(host)?.shift();
    if (next !== undefined) {
      next(); // the slot passes straight to the next waiter
      return;
    }
    const count = (active.get(host) ?? 1) - 1;
    if (count <= 0) active.delete(host);
    else active.set(host, count);
    if (waiting.get(host)?.length === 0) waiting.delete(host);
  };
  return {
    acquire(host: string): Promise<() => void> {
      let released = false;
      const releaseOnce = (): void => {
        if (released) return;
        released = true;
        release(host);
      };
      const count = active.get(host) ?? 0;
      if (count < perHost) {
        active.set(host, count + 1);
        return Promise.resolve(releaseOnce);
      }
      return new Promise((resolve) => {
        const queue = waiting.get(host) ?? [];
        queue.push(() => resolve(releaseOnce));
        waiting.set(host, queue);
      });
    },
  };
}
