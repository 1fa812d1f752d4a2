import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  newNonce,
  STRICT_TRANSPORT_SECURITY,
  securityHeaders,
  servedOverHttps,
} from '@/lib/http/security-headers';

const get = (key: string) => securityHeaders().find((header) => header.key === key)?.value;
const directive = (csp: string, name: string) =>
  csp.split('; ').find((part) => part.startsWith(`${name} `)) ?? '';

describe('securityHeaders', () => {
  it('forbids framing and sniffing, and limits referrers and browser features', () => {
    expect(get('X-Frame-Options')).toBe('DENY');
    expect(get('X-Content-Type-Options')).toBe('nosniff');
    expect(get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(get('Permissions-Policy')).toContain('camera=()');
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false });

  it('runs only scripts with this response’s nonce: no inline script, no eval', () => {
    const scripts = directive(csp, 'script-src');
    expect(scripts).toContain("'nonce-bm9uY2U='");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it('forbids framing, plugins and foreign content', () => {
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    // No nonce in style-src: it would make browsers ignore 'unsafe-inline' for React's styles.
    expect(directive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    // Plain-HTTP addresses (NodePort, tunnels) must keep working.
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('allows eval only for the development server', () => {
    expect(contentSecurityPolicy({ nonce: 'x', development: true })).toContain("'unsafe-eval'");
  });
});

describe('newNonce', () => {
  it('is 128 random bits, new every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('servedOverHttps', () => {
  const request = (headers: Record<string, string>) => new Headers(headers);

  it('is false on plain HTTP, such as localhost or the NodePort', () => {
    expect(servedOverHttps(request({ host: 'localhost:3000' }), undefined)).toBe(false);
    expect(servedOverHttps(request({ host: '192.168.49.2:30000' }), undefined)).toBe(false);
    expect(servedOverHttps(request({ host: 'localhost:3000' }), 'http://localhost:3000')).toBe(
      false,
    );
  });

  it('is true behind a TLS-terminating proxy that says so', () => {
    const headers = request({ host: 'todo.example.com', 'x-forwarded-proto': 'https' });
    expect(servedOverHttps(headers, undefined)).toBe(true);
  });

  it('is true for the host of an https BETTER_AUTH_URL, and not for another address', () => {
    const https = 'https://todo.example.com';
    expect(servedOverHttps(request({ host: 'todo.example.com' }), https)).toBe(true);
    expect(servedOverHttps(request({ host: 'localhost:3000' }), https)).toBe(false);
  });

  it('asks browsers to remember HTTPS for a year', () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=31536000');
  });
});
