import { BlockList, isIP } from 'node:net';

/**
 * The header Better Auth reads the client address from (advanced.ipAddress.ipAddressHeaders).
 * Only the auth route handler sets it, after removing any copy the client sent.
 */
export const CLIENT_ADDRESS_HEADER = 'x-todo-client-address';

export type TrustedProxiesResult = { ok: true; proxies: string[] } | { ok: false; problem: string };

const PREFIX_PATTERN = /^\d{1,3}$/;

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return PREFIX_PATTERN.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges; empty trusts no proxy. */
export function parseTrustedProxies(value: string | undefined): TrustedProxiesResult {
  const proxies = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = proxies.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    return {
      ok: false,
      problem: `TRUSTED_PROXIES: "${bad}" is not an IP address or CIDR range (e.g. 10.0.0.0/8); separate entries with commas`,
    };
  }
  return { ok: true, proxies };
}

/** Whether an address is one of the proxies (entries already checked by parseTrustedProxies). */
export function proxyMatcher(proxies: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of proxies) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  // IPv4-mapped IPv6 peers (::ffff:10.0.0.1) match IPv4 entries too.
  return (address) => list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the
 * X-Forwarded-For hop that proxy appended, and so on leftwards while the hops are trusted.
 * Anything further left was written by the client and is never believed.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | null,
  isTrusted: (address: string) => boolean,
): string {
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim());
  let client = peer;
  while (isTrusted(client)) {
    const next = hops.pop();
    if (!next || isIP(next) === 0) break;
    client = next;
  }
  return client;
}
