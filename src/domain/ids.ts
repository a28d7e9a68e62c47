// Short, stable ids from content (sha256, hex, truncated): the same input always gets the same id.
import { createHash } from 'node:crypto';

export function stableId(prefix: string, ...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `${prefix}${hash.digest('hex').slice(0, 16)}`;
}
