// Who may change feeds and settings on Slack: workspace admins and owners (users.info), or ids from config.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../ops/logger.ts';

export interface AdminCheckOptions {
  readonly client: Pick<webApi.WebClient, 'users'>;
  readonly adminUserIds: readonly string[];
  readonly logger: Logger;
  /** How long a users.info answer is trusted: a demoted admin loses rights within this time. */
  readonly cacheMs: number;
  readonly now: () => number;
}

/**
 * A per-user cached check. Concurrent checks for one user share a single users.info call. A failed lookup
 * (missing users:read scope, Slack down) counts as "not admin" and is not cached, so it is retried next time.
 */
export function createAdminCheck(options: AdminCheckOptions): (userId: string) => Promise<boolean> {
  const listed = new Set(options.adminUserIds);
  const cache = new Map<string, { readonly value: Promise<boolean>; readonly expires: number }>();

  async function lookup(userId: string): Promise<boolean> {
    const response = await options.client.users.info({ user: userId });
    const user = response.user;
    return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
  }

  return async (userId) => {
    if (listed.has(userId)) return true;
    const now = options.now();
    const hit = cache.get(userId);
    if (hit !== undefined && hit.expires > now) return hit.value;
    const value = lookup(userId);
    cache.set(userId, { value, expires: now + options.cacheMs });
    try {
      return await value;
    } catch (error) {
      cache.delete(userId);
      options.logger.warn(`slack: users.info failed for ${userId}, treating as not admin (${describe(error)})`);
      return false;
    }
  };
}

function describe(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
