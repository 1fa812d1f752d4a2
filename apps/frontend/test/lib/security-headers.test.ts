import { describe, expect, it } from 'vitest';
import { securityHeaders } from '@/lib/security-headers';

const get = (development: boolean, key: string) =>
  securityHeaders({ development }).find((header) => header.key === key)?.value;

describe('securityHeaders', () => {
  it('forbids framing, sniffing and foreign content', () => {
    const csp = get(false, 'Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    // Plain-HTTP addresses (NodePort, tunnels) must keep working.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(get(false, 'X-Frame-Options')).toBe('DENY');
    expect(get(false, 'X-Content-Type-Options')).toBe('nosniff');
    expect(get(false, 'Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(get(false, 'Permissions-Policy')).toContain('camera=()');
  });

  it('allows eval only for the development server', () => {
    expect(get(true, 'Content-Security-Policy')).toContain("'unsafe-eval'");
  });
});
