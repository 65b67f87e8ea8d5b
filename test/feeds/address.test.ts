import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, refusal, RefusedAddressError, type Resolver } from '../../src/feeds/address.js';

const kind = (address: string, allowPrivate = false) => refusal(address, allowPrivate)?.kind ?? 'public';

describe('refusal (which addresses feed pages may come from)', () => {
  it('refuses internal IPv4 addresses and allows public ones', () => {
    expect(
      Object.fromEntries(
        [
          '127.0.0.1',
          '127.255.255.254',
          '10.0.0.1',
          '172.16.0.1',
          '172.31.255.255',
          '192.168.1.10',
          '169.254.169.254',
          '0.0.0.0',
          '0.1.2.3',
          '100.64.0.1',
          '224.0.0.251',
          '255.255.255.255',
          '240.0.0.1',
          '192.0.2.1',
          '198.18.0.1',
          '8.8.8.8',
          '93.184.216.34',
          '172.32.0.1',
          '100.128.0.1',
          '169.255.0.1',
          '1.1.1.1',
        ].map((a) => [a, kind(a)]),
      ),
    ).toEqual({
      '127.0.0.1': 'loopback',
      '127.255.255.254': 'loopback',
      '10.0.0.1': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.10': 'private',
      '169.254.169.254': 'link-local',
      '0.0.0.0': 'unspecified',
      '0.1.2.3': 'unspecified',
      '100.64.0.1': 'shared (carrier-grade NAT)',
      '224.0.0.251': 'multicast',
      '255.255.255.255': 'broadcast',
      '240.0.0.1': 'reserved',
      '192.0.2.1': 'reserved',
      '198.18.0.1': 'reserved',
      '8.8.8.8': 'public',
      '93.184.216.34': 'public',
      '172.32.0.1': 'public',
      '100.128.0.1': 'public',
      '169.255.0.1': 'public',
      '1.1.1.1': 'public',
    });
  });

  it('refuses internal IPv6 addresses and allows global unicast ones', () => {
    expect(
      Object.fromEntries(
        [
          '::1',
          '::',
          'fe80::1',
          'fc00::1',
          'fd12:3456::1',
          'fd00:ec2::254',
          'ff02::1',
          'fec0::1',
          '2001:db8::1',
          '100::1',
          '::7f00:1',
          '4000::1',
          '2606:4700:4700::1111',
          '2a00:1450:4001::200e',
        ].map((a) => [a, kind(a)]),
      ),
    ).toEqual({
      '::1': 'loopback',
      '::': 'unspecified',
      'fe80::1': 'link-local',
      'fc00::1': 'unique-local',
      'fd12:3456::1': 'unique-local',
      'fd00:ec2::254': 'cloud metadata',
      'ff02::1': 'multicast',
      'fec0::1': 'private',
      '2001:db8::1': 'reserved',
      '100::1': 'reserved',
      '::7f00:1': 'reserved',
      '4000::1': 'reserved',
      '2606:4700:4700::1111': 'public',
      '2a00:1450:4001::200e': 'public',
    });
  });

  it('judges IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) by that address', () => {
    expect(
      Object.fromEntries(
        [
          '::ffff:127.0.0.1',
          '::ffff:7f00:1',
          '::ffff:169.254.169.254',
          '::ffff:10.0.0.1',
          '::ffff:8.8.8.8',
          '64:ff9b::127.0.0.1',
          '64:ff9b::a9fe:a9fe',
          '64:ff9b::808:808',
          '2002:7f00:1::',
          '2002:c0a8:101::1',
          '2002:808:808::1',
        ].map((a) => [a, kind(a)]),
      ),
    ).toEqual({
      '::ffff:127.0.0.1': 'loopback',
      '::ffff:7f00:1': 'loopback',
      '::ffff:169.254.169.254': 'link-local',
      '::ffff:10.0.0.1': 'private',
      '::ffff:8.8.8.8': 'public',
      '64:ff9b::127.0.0.1': 'loopback',
      '64:ff9b::a9fe:a9fe': 'link-local',
      '64:ff9b::808:808': 'public',
      '2002:7f00:1::': 'loopback',
      '2002:c0a8:101::1': 'private',
      '2002:808:808::1': 'public',
    });
  });

  it('with private addresses allowed, lets intranet addresses through but never link-local or metadata', () => {
    const allowed = ['127.0.0.1', '10.1.2.3', '192.168.0.5', '100.64.1.1', '::1', 'fd12::1', '::ffff:192.168.0.5'];
    for (const a of allowed) expect([a, kind(a, true)]).toEqual([a, 'public']);
    const still = ['169.254.169.254', 'fe80::1', 'fd00:ec2::254', '0.0.0.0', '::', '224.0.0.1', '::ffff:169.254.169.254'];
    for (const a of still) expect([a, kind(a, true)]).not.toEqual([a, 'public']);
  });

  it('refuses anything that is not an address', () => {
    expect(kind('localhost')).toBe('unreadable');
    expect(kind('')).toBe('unreadable');
  });
});

describe('guardedLookup (the connect-time check)', () => {
  const resolver =
    (table: Record<string, string[]>): Resolver =>
    async (hostname) =>
      (table[hostname] ?? []).map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  const lookup = (table: Record<string, string[]>, hostname: string, options: { all?: boolean; family?: number }, allowPrivate = false) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(resolver(table), allowPrivate)(hostname, options, (err, address, family) => resolve({ err, address, family })),
    );

  it('refuses a name that resolves to an internal address, saying which', async () => {
    const { err } = await lookup({ 'news.example.test': ['127.0.0.1'] }, 'news.example.test', { all: true });
    expect(err).toBeInstanceOf(RefusedAddressError);
    expect(err!.message).toBe('news.example.test resolves to 127.0.0.1, a loopback address');
    const metadata = await lookup({ 'cloud.example.test': ['169.254.169.254'] }, 'cloud.example.test', {}, true);
    expect(metadata.err!.message).toBe('cloud.example.test resolves to 169.254.169.254, a link-local address');
  });

  it('passes on only the allowed addresses, in both callback forms', async () => {
    const table = { 'mixed.example.test': ['10.0.0.7', '93.184.216.34', '::1', '2606:4700::1'] };
    expect((await lookup(table, 'mixed.example.test', { all: true })).address).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
    expect(await lookup(table, 'mixed.example.test', {})).toEqual({ err: null, address: '93.184.216.34', family: 4 });
    expect(await lookup(table, 'mixed.example.test', { family: 6 })).toEqual({ err: null, address: '2606:4700::1', family: 6 });
    expect((await lookup(table, 'mixed.example.test', { all: true }, true)).address).toHaveLength(4);
  });

  it('reports a name with no address as not found', async () => {
    const { err } = await lookup({}, 'nothing.example.test', { all: true });
    expect((err as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
  });
});
