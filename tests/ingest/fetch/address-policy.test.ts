import { describe, expect, it } from 'vitest';
import { createAddressChecker, unmapIpv4 } from '../../../src/ingest/fetch/address-policy.ts';
import { createFetcher } from '../../../src/ingest/fetch/safe-fetch.ts';
import { createGuardedFetch } from '../../../src/ingest/fetch/guarded-fetch.ts';
import type { Resolver } from '../../../src/ingest/fetch/guarded-fetch.ts';
import { startServer } from './local-server.ts';

describe('address policy', () => {
  const strict = createAddressChecker({ allowPrivate: false, allow: [] });
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.100.100.200', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1',
    '::ffff:7f00:1', '::ffff:a9fe:a9fe', 'not-an-ip',
  ])('blocks %s', (address) => {
    expect(strict.isAllowed(address)).toBe(false);
  });
  it.each(['93.184.216.34', '1.1.1.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (address) => {
    expect(strict.isAllowed(address)).toBe(true);
  });
  it('honours explicit allowances and allowPrivate', () => {
    const tests = createAddressChecker({ allowPrivate: false, allow: ['127.0.0.1', '10.0.0.0/8'] });
    expect([tests.isAllowed('127.0.0.1'), tests.isAllowed('10.9.9.9'), tests.isAllowed('127.0.0.2')]).toEqual([true, true, false]);
    expect(createAddressChecker({ allowPrivate: true, allow: [] }).isAllowed('192.168.0.1')).toBe(true);
  });
  it('unmaps IPv4-mapped IPv6 in both notations', () => {
    expect([unmapIpv4('::ffff:10.0.0.1'), unmapIpv4('[::ffff:a00:1]'), unmapIpv4('2001:db8::1')]).toEqual([
      '10.0.0.1', '10.0.0.1', '2001:db8::1',
    ]);
  });
});

describe('connect-time check (DNS rebinding)', () => {
  it('vets the address the socket connects to, on every resolution', async () => {
    const server = await startServer({ '/feed': (_req, res) => res.end('ok') });
    try {
      const port = new URL(server.origin).port;
      // An attacker-controlled name that resolves to loopback: only the connect-time hook can see it.
      let calls = 0;
      const resolve: Resolver = () => {
        calls += 1;
        return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
      };
      const guarded = createGuardedFetch({ policy: { allowPrivate: false, allow: [] }, connectTimeoutMs: 200, resolve });
      const fetcher = createFetcher({ fetch: guarded, options: { totalTimeoutMs: 500 } });
      const error: unknown = await fetcher.fetch({ url: `http://feeds.test:${port}/feed` }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS' });
      expect(calls).toBe(1); // the lookup hook ran at connect time

      const allowing = createGuardedFetch({ policy: { allowPrivate: false, allow: ['127.0.0.1'] }, connectTimeoutMs: 200, resolve });
      const ok = await createFetcher({ fetch: allowing }).fetch({ url: `http://feeds.test:${port}/feed` });
      expect(ok.kind).toBe('ok');
    } finally {
      await server.close();
    }
  });
  it('gives up on a connection that is not established within connectTimeoutMs (DNS included)', async () => {
    const hanging: Resolver = () => new Promise(() => undefined);
    const guarded = createGuardedFetch({ policy: { allowPrivate: false, allow: [] }, connectTimeoutMs: 100, resolve: hanging });
    const started = performance.now();
    const error: unknown = await createFetcher({ fetch: guarded, options: { totalTimeoutMs: 5000 } })
      .fetch({ url: 'http://never.test/feed' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_CONNECT_TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
