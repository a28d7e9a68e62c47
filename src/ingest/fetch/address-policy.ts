// Which IP addresses a feed URL may reach. Feeds are user-supplied URLs, so without this a channel admin
// could make the bot read cloud metadata (169.254.169.254) or an internal admin page (SSRF).
// The check runs on the address actually connected to (see guarded-fetch.ts), so DNS rebinding cannot
// slip a private address in after a harmless first answer.
import { BlockList, isIP } from 'node:net';
import type { AddressPolicy } from './options.ts';

// IANA special-purpose ranges a public news feed never lives on.
const BLOCKED_V4 = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT; also Alibaba's metadata 100.100.100.200
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, incl. the AWS/GCP/Azure metadata address
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, incl. broadcast
] as const;

const BLOCKED_V6 = [
  '::/127', // unspecified and loopback
  '64:ff9b::/96', // NAT64: embeds an IPv4 address we cannot vet here
  '100::/64', // discard
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local, incl. AWS's fd00:ec2::254 metadata
  'fe80::/10', // link-local
  'ff00::/8', // multicast
] as const;

function addRange(list: BlockList, cidr: string): void {
  const [address = '', prefix] = cidr.split('/');
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(prefix), family);
}

const BLOCKED = new BlockList();
for (const cidr of BLOCKED_V4) addRange(BLOCKED, cidr);
for (const cidr of BLOCKED_V6) addRange(BLOCKED, cidr);

/** `::ffff:127.0.0.1` and `::ffff:7f00:1` reach IPv4 hosts: judge them as the IPv4 address they carry. */
export function unmapIpv4(address: string): string {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1] !== undefined) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] !== undefined && hex[2] !== undefined) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return lower;
}

export interface AddressChecker {
  /** True when connecting to this (resolved) IP address is allowed. */
  isAllowed(address: string): boolean;
}

export function createAddressChecker(policy: AddressPolicy): AddressChecker {
  const allowed = new BlockList();
  for (const entry of policy.allow) addRange(allowed, unmapIpv4(entry));
  return {
    isAllowed(raw: string): boolean {
      const address = unmapIpv4(raw);
      const version = isIP(address);
      if (version === 0) return false;
      const family = version === 6 ? 'ipv6' : 'ipv4';
      if (policy.allowPrivate || allowed.check(address, family)) return true;
      return !BLOCKED.check(address, family);
    },
  };
}
