import { describe, expect, it } from 'vitest';
import {
  isPrivateAddress,
  type LookupAll,
  outboundUrlProblem,
} from '../../src/lib/outbound-url.js';

const production = { httpsOnly: true, allowPrivate: false };
const development = { httpsOnly: false, allowPrivate: false };

/** A resolver that knows a few names, so the tests do not depend on the network. */
const fakeDns: LookupAll = async (host) => {
  const names: Record<string, string[]> = {
    'push.example.test': ['203.0.113.10', '2001:db8::10'],
    'sneaky.example.test': ['203.0.113.10', '10.0.0.5'],
    'metadata.example.test': ['169.254.169.254'],
  };
  const addresses = names[host];
  if (!addresses)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('outboundUrlProblem', () => {
  it.each([
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'https://[::1]/push'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/push'],
    ['IPv4-mapped private, hex form', 'https://[::ffff:a00:1]/push'],
    ['IPv4-compatible loopback', 'https://[::127.0.0.1]/push'],
    ['unspecified IPv6', 'https://[::]/push'],
    ['unspecified IPv4', 'https://0.0.0.0/push'],
    ['10/8', 'https://10.1.2.3/push'],
    ['172.16/12', 'https://172.31.255.1/push'],
    ['192.168/16', 'https://192.168.1.1/push'],
    ['CGNAT', 'https://100.64.0.1/push'],
    ['loopback', 'https://127.0.0.1/push'],
    ['loopback elsewhere in 127/8', 'https://127.8.9.10:8443/push'],
    ['decimal loopback', 'https://2130706433/push'],
    ['octal loopback', 'https://0177.0.0.1/push'],
    ['hex loopback', 'https://0x7f.0.0.1/push'],
    ['short loopback', 'https://127.1/push'],
    ['link-local IPv6', 'https://[fe80::1]/push'],
    ['unique-local IPv6', 'https://[fd00::1]/push'],
    ['multicast IPv4', 'https://224.0.0.1/push'],
    ['multicast IPv6', 'https://[ff02::1]/push'],
    ['broadcast', 'https://255.255.255.255/push'],
    ['NAT64 of the metadata service', 'https://[64:ff9b::a9fe:a9fe]/push'],
    ['a name resolving to the metadata service', 'https://metadata.example.test/push'],
    ['a name with one private address among public ones', 'https://sneaky.example.test/push'],
  ])('refuses %s (%s)', async (_, url) => {
    expect(await outboundUrlProblem(url, production, fakeDns)).toMatch(
      /private, loopback or otherwise internal/,
    );
  });

  it('refuses localhost through the real resolver', async () => {
    expect(await outboundUrlProblem('https://localhost:8443/push', production)).toMatch(/internal/);
  });

  it('accepts a public host, by name or address', async () => {
    expect(
      await outboundUrlProblem('https://push.example.test/send/abc', production, fakeDns),
    ).toBe(null);
    expect(await outboundUrlProblem('https://203.0.113.7/send', production, fakeDns)).toBe(null);
    expect(await outboundUrlProblem('https://[2001:db8::1]/send', production, fakeDns)).toBe(null);
  });

  it('refuses a name that does not resolve', async () => {
    expect(await outboundUrlProblem('https://nowhere.example.test/', production, fakeDns)).toBe(
      'host nowhere.example.test could not be resolved',
    );
  });

  it('takes plain http only outside production', async () => {
    const url = 'http://push.example.test/send';
    expect(await outboundUrlProblem(url, production, fakeDns)).toBe('must be an https URL');
    expect(await outboundUrlProblem(url, development, fakeDns)).toBe(null);
  });

  it.each([
    ['not a URL', 'push service'],
    ['another scheme', 'ftp://push.example.test/'],
    ['file', 'file:///etc/passwd'],
    ['credentials', 'https://user:pass@push.example.test/'],
  ])('refuses %s', async (_, url) => {
    expect(await outboundUrlProblem(url, development, fakeDns)).not.toBe(null);
  });

  it('lets the operator allow private addresses (OUTBOUND_ALLOW_PRIVATE), over http too', async () => {
    const allowed = { httpsOnly: true, allowPrivate: true };
    expect(await outboundUrlProblem('http://127.0.0.1:9999/push', allowed, fakeDns)).toBe(null);
    expect(await outboundUrlProblem('https://localhost:9999/push', allowed)).toBe(null);
    expect(await outboundUrlProblem('https://metadata.example.test/', allowed, fakeDns)).toBe(null);
    // …but not plain http to a public host, nor another scheme.
    expect(await outboundUrlProblem('http://push.example.test/', allowed, fakeDns)).toBe(
      'must be an https URL',
    );
    expect(await outboundUrlProblem('ftp://127.0.0.1/', allowed, fakeDns)).not.toBe(null);
  });
});

describe('isPrivateAddress', () => {
  it.each(['8.8.8.8', '203.0.113.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'lets %s through',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
  it.each(['127.0.0.1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', 'not-an-ip'])(
    'stops %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
});
