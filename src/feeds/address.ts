import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Which addresses feed item pages (and redirects) may be fetched from: the public internet only,
 * so that a feed cannot make the bot read an internal service or cloud metadata and store the
 * answer as an article. Checked on the addresses a name resolves to at connect time, so a name
 * that resolves (or later re-resolves) to an internal address is refused too.
 */

interface Range {
  /** How the operator reads it: "127.0.0.1 is a loopback address". */
  kind: string;
  /** FEEDS_ALLOW_PRIVATE_ADDRESSES lets these through (intranet news); the others stay refused. */
  intranet: boolean;
  v4?: [string, number][];
  v6?: [string, number][];
}

// First match wins, so the specific names come before the wide "reserved" ranges.
const RANGES: Range[] = [
  { kind: 'unspecified', intranet: false, v4: [['0.0.0.0', 8]], v6: [['::', 128]] },
  { kind: 'loopback', intranet: true, v4: [['127.0.0.0', 8]], v6: [['::1', 128]] },
  // AWS's IPv6 metadata address sits inside unique-local space; it is never intranet news.
  { kind: 'cloud metadata', intranet: false, v6: [['fd00:ec2::254', 128]] },
  { kind: 'link-local', intranet: false, v4: [['169.254.0.0', 16]], v6: [['fe80::', 10]] },
  {
    kind: 'private',
    intranet: true,
    v4: [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
    // Site-local (deprecated) and NAT64 local-use prefixes.
    v6: [
      ['fec0::', 10],
      ['64:ff9b:1::', 48],
    ],
  },
  { kind: 'shared (carrier-grade NAT)', intranet: true, v4: [['100.64.0.0', 10]] },
  { kind: 'unique-local', intranet: true, v6: [['fc00::', 7]] },
  { kind: 'broadcast', intranet: false, v4: [['255.255.255.255', 32]] },
  { kind: 'multicast', intranet: false, v4: [['224.0.0.0', 4]], v6: [['ff00::', 8]] },
  {
    kind: 'reserved',
    intranet: false,
    // IETF protocol assignments, documentation, benchmarking, 6to4 relays, class E.
    v4: [
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['192.88.99.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['240.0.0.0', 4],
    ],
    // IPv4-compatible, discard, IETF protocol assignments (Teredo…), documentation.
    v6: [
      ['::', 96],
      ['100::', 64],
      ['2001::', 23],
      ['2001:db8::', 32],
      ['3fff::', 20],
    ],
  },
];

/** IPv6 prefixes that carry an IPv4 address, which decides: NAT64 (last 32 bits) and 6to4 (bits 16-47). */
const EMBEDDING = {
  nat64: (octets: number[], prefix: number): [string, number] => [`64:ff9b::${octets.join('.')}`, 96 + prefix],
  sixToFour: (octets: number[], prefix: number): [string, number] => [
    `2002:${hex(octets[0]!, octets[1]!)}:${hex(octets[2]!, octets[3]!)}::`,
    16 + prefix,
  ],
};

function hex(high: number, low: number): string {
  return ((high << 8) | low).toString(16);
}

const LISTS = RANGES.map((range) => {
  const list = new BlockList();
  for (const [base, prefix] of range.v4 ?? []) {
    // A v4 rule also matches the v4-mapped form (::ffff:127.0.0.1); the embeddings are added here.
    list.addSubnet(base, prefix, 'ipv4');
    const octets = base.split('.').map(Number);
    for (const embed of Object.values(EMBEDDING)) list.addSubnet(...embed(octets, prefix), 'ipv6');
  }
  for (const [base, prefix] of range.v6 ?? []) list.addSubnet(base, prefix, 'ipv6');
  return { range, list };
});

/** Global unicast IPv6, plus the two prefixes whose embedded IPv4 address decides (checked above). */
const PUBLIC_V6 = new BlockList();
for (const [base, prefix] of [
  ['2000::', 3],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
] as const) {
  PUBLIC_V6.addSubnet(base, prefix, 'ipv6');
}

export interface Refusal {
  address: string;
  kind: string;
  /** Would FEEDS_ALLOW_PRIVATE_ADDRESSES let it through? */
  intranet: boolean;
}

/** Why `address` (an IP address) may not be fetched from, or undefined when it may. */
export function refusal(address: string, allowPrivate: boolean): Refusal | undefined {
  const family = isIP(address);
  if (family === 0) return { address, kind: 'unreadable', intranet: false };
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const hit = LISTS.find(({ list }) => list.check(address, type))?.range;
  const found = hit ?? (family === 6 && !PUBLIC_V6.check(address, 'ipv6') ? { kind: 'reserved', intranet: false } : undefined);
  if (!found || (allowPrivate && found.intranet)) return undefined;
  return { address, kind: found.kind, intranet: found.intranet };
}

/** A request the address policy stopped; its message says which address and why. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  constructor(
    message: string,
    /** FEEDS_ALLOW_PRIVATE_ADDRESSES would allow it. */
    readonly intranet: boolean,
  ) {
    super(message);
  }
}

/** "a loopback address", "an unspecified address". */
export function kindOf(r: Refusal): string {
  return `${/^[aeiou]/.test(r.kind) ? 'an' : 'a'} ${r.kind} address`;
}

/** The addresses a host name resolves to; tests inject one so that nothing leaves the machine. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that passes on only the allowed addresses of a name, so the
 * socket can only connect to one of them; when none is allowed, the request fails with a
 * RefusedAddressError. (Node does not call `lookup` for IP literals: check those with `refusal`.)
 */
export function guardedLookup(resolver: Resolver, allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname).then(
      (found) => {
        const wanted = found.filter((a) => !options.family || a.family === options.family);
        const allowed = wanted.filter((a) => !refusal(a.address, allowPrivate));
        if (allowed.length === 0) {
          const refused = wanted.map((a) => refusal(a.address, allowPrivate)).find(Boolean);
          if (!refused) {
            callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
            return;
          }
          callback(new RefusedAddressError(`${hostname} resolves to ${refused.address}, ${kindOf(refused)}`, refused.intranet), '');
          return;
        }
        if (options.all) callback(null, allowed);
        else callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
