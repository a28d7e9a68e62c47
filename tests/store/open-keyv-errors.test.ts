// Opening a Redis store that cannot be used says why in plain words, never the client library's text.
import { describe, expect, it } from 'vitest';
import { openKeyv } from '../../src/store/open-keyv.ts';
import { REDIS_TEST_BASE } from '../redis-test-db.ts';

async function failureOf(url: string): Promise<Error & { code?: string }> {
  const store = await openKeyv(url, '.').catch((error: unknown) => error as Error & { code?: string });
  if (!(store instanceof Error)) {
    await store.close();
    throw new Error(`${url} opened`);
  }
  return store;
}

describe('opening a Redis store', () => {
  it('says the connection was refused when nothing listens', async () => {
    const error = await failureOf('redis://127.0.0.1:1');
    expect(error.message).toMatch(/^cannot reach redis redis:\/\/127\.0\.0\.1:1: connection refused \(is Redis running/);
    expect(error.message).not.toMatch(/throwOnConnectError/);
  });

  it('says the password is wrong, not that Redis cannot be reached, and never shows the password', async () => {
    const url = new URL(REDIS_TEST_BASE);
    url.password = 'not-the-password';
    const error = await failureOf(url.toString());
    expect(error.code).toBe('STORE_AUTH_FAILED');
    expect(error.message).toMatch(/^cannot log in to redis .*: the password \(or user\) in the URL is wrong/);
    expect(error.message).not.toMatch(/not-the-password/);
  });
});
