import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Whether a URL the backend will send requests to (a push endpoint, given by a browser) may be
 * used. Without a guard, anyone with an account could make the backend POST to the cloud's
 * metadata service (169.254.169.254) or anything else inside the cluster.
 */
export interface OutboundPolicy {
  /** Production: plain http is refused (a push service is always https), but for an allowed private host. */
  httpsOnly: boolean;
  /**
   * OUTBOUND_ALLOW_PRIVATE: the operator allows private and loopback addresses, over http too (the
   * local push service of the tests and `npm start`, on 127.0.0.1).
   */
  allowPrivate: boolean;
}

export type LookupAll = (host: string) => Promise<{ address: string; family: number }[]>;

const lookupAll: LookupAll = (host) => dnsLookup(host, { all: true, verbatim: true });

// Addresses no push service has: private, loopback, link-local, unique-local, CGNAT, multicast,
// unspecified, reserved. An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is checked against the
// IPv4 rules by BlockList itself (test/lib/outbound-url.test.ts proves it).
const REFUSED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, the cloud metadata service
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  REFUSED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b::', 96], // NAT64: an IPv4 address inside
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  REFUSED.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6, no brackets) is one the backend must not send to. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return REFUSED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Where a checked URL's request must go: the address that was checked, not a fresh lookup. */
export interface OutboundTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Checks `raw` under `policy`: what is wrong with sending to it, or the address to send to. The
 * host is resolved and every address it has is checked: a name pointing at 127.0.0.1 is refused
 * like 127.0.0.1. Check again right before each request (DNS answers change), and connect to
 * the address answered here, so a name cannot resolve to a checked address and then to another.
 */
export async function checkOutboundUrl(
  raw: string,
  policy: OutboundPolicy,
  lookup: LookupAll = lookupAll,
): Promise<{ problem: string } | { target: OutboundTarget }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'is not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: 'must be an https URL' };
  }
  if (url.username || url.password) return { problem: 'must not hold a user name or password' };
  // The URL parser has already turned 2130706433 and 0177.0.0.1 into 127.0.0.1.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host)).map((entry) => entry.address);
  } catch {
    addresses = [];
  }
  const [address] = addresses;
  if (address === undefined) return { problem: `host ${host} could not be resolved` };
  const internal = addresses.some(isPrivateAddress);
  if (internal && !policy.allowPrivate) {
    return { problem: `host ${host} is a private, loopback or otherwise internal address` };
  }
  // A local push service allowed by the operator may speak plain http; nothing public may.
  if (url.protocol === 'http:' && policy.httpsOnly && !internal) {
    return { problem: 'must be an https URL' };
  }
  return { target: { url, address, family: isIP(address) === 6 ? 6 : 4 } };
}

/** What is wrong with sending to `raw` under `policy` (checkOutboundUrl), or null. */
export async function outboundUrlProblem(
  raw: string,
  policy: OutboundPolicy,
  lookup: LookupAll = lookupAll,
): Promise<string | null> {
  const checked = await checkOutboundUrl(raw, policy, lookup);
  return 'problem' in checked ? checked.problem : null;
}
