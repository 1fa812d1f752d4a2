import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies, proxyMatcher } from '@/lib/http/client-address';

describe('parseTrustedProxies', () => {
  it('takes addresses and CIDR ranges, comma-separated, and nothing by default', () => {
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, proxies: [] });
    expect(parseTrustedProxies(' 10.0.0.0/8, 192.168.1.5 ,fd00::/8,')).toEqual({
      ok: true,
      proxies: ['10.0.0.0/8', '192.168.1.5', 'fd00::/8'],
    });
  });

  it('names the first entry that is not an address or range, in one line', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/8', '::1/129', '10.0.0.0/']) {
      const result = parseTrustedProxies(`127.0.0.1, ${bad}`);
      expect(result).toEqual({ ok: false, problem: expect.stringContaining(`"${bad}"`) });
      expect(result.ok ? '' : result.problem).not.toContain('\n');
    }
  });
});

describe('clientAddress', () => {
  const trusted = proxyMatcher(['10.0.0.0/8', '192.0.2.1']);

  it('is the peer when the peer is not a trusted proxy, whatever the header says', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.1', trusted)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', null, trusted)).toBe('198.51.100.7');
  });

  it('is the hop a trusted proxy appended, walking past trusted hops only', () => {
    expect(clientAddress('192.0.2.1', '203.0.113.1', trusted)).toBe('203.0.113.1');
    expect(clientAddress('192.0.2.1', 'spoofed, 203.0.113.1', trusted)).toBe('203.0.113.1');
    expect(clientAddress('192.0.2.1', '203.0.113.1, 10.4.4.4', trusted)).toBe('203.0.113.1');
    expect(clientAddress('::ffff:10.0.0.9', '203.0.113.2', trusted)).toBe('203.0.113.2');
  });

  it('stops at the last trusted hop when the next one is missing or not an address', () => {
    expect(clientAddress('192.0.2.1', null, trusted)).toBe('192.0.2.1');
    expect(clientAddress('192.0.2.1', 'not-an-ip', trusted)).toBe('192.0.2.1');
    expect(clientAddress('192.0.2.1', '203.0.113.1, 10.4.4.4, junk', trusted)).toBe('192.0.2.1');
  });
});
