// One bot per SQLite file. SQLite's leases are in-process (open-keyv.ts), so a second `news-digest start`
// on the same file would ingest and post beside the first: orphaned index entries and every story posted
// twice. The bot takes `<file>.lock` (its pid and host) when it starts, and a second one is refused with
// what to do instead. A lock left by a process that no longer runs on this host is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../domain/errors.ts';

export interface InstanceLock {
  release(): void;
}

/** Locks this process holds: a lock file with our pid that is not among them was left by an earlier
 * process that had the same pid (a container restarted after a kill runs as the same pid again). */
const held = new Set<string>();

export function lockInstance(file: string): InstanceLock {
  const path = `${file}.lock`;
  const mine = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      held.add(path);
      return {
        release() {
          held.delete(path);
          // Only our own lock: never one a later bot took over.
          if (readOrEmpty(path) === mine) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, host] = readOrEmpty(path).trim().split(' ');
      const ours = Number(pid) === process.pid;
      if (host === hostname() && ((ours && !held.has(path)) || (!ours && !isRunning(Number(pid))))) {
        // Left behind by a bot that was killed: take it over.
        unlinkSync(path);
        continue;
      }
      throw new UserError(
        'STORE_IN_USE',
        `another news-digest (pid ${pid ?? '?'} on ${host ?? '?'}) is running on ${file}: a SQLite store serves one bot. ` +
          `Stop that one, or share state through Redis (STORE_URL=redis://host:6379) to run several instances. ` +
          `If no bot runs, delete ${path}.`,
      );
    }
  }
  throw new UserError('STORE_IN_USE', `cannot take the lock ${path}; delete it if no news-digest runs on ${file}`);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
