import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

const ALLOWED = 'https://app.example.com';
const OTHER = 'https://evil.example.com';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  it.each([
    ['GET', '/health', false],
    ['GET', '/api/nobody/tasks', false],
    ['GET', '/no/such/route', false],
    ['GET', '/docs', false],
    ['GET', '/api/someone/tasks', true],
  ] as const)('are on %s %s', async (method, url, authenticated) => {
    const response = authenticated
      ? await t.as('someone', { method, url })
      : await t.app.inject({ method, url });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('gives no cross-origin access when no origin is configured', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: ALLOWED },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS with a configured origin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ corsOrigins: [ALLOWED, 'http://localhost:3000'] });
    await t.createUsers('cors-user');
  });
  afterAll(async () => t?.close());

  it('allows the configured origins on simple requests', async () => {
    for (const origin of [ALLOWED, 'http://localhost:3000']) {
      const response = await t.as('cors-user', {
        method: 'GET',
        url: '/api/cors-user/tasks',
        headers: { origin },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(String(response.headers.vary)).toContain('Origin');
    }
  });

  it('answers a preflight from a configured origin with the methods and headers the API uses', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/cors-user/tasks/1',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type, if-match',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    const methods = String(response.headers['access-control-allow-methods']);
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
      expect(methods).toContain(method);
    const headers = String(response.headers['access-control-allow-headers']).toLowerCase();
    expect(headers).toContain('authorization');
    expect(headers).toContain('content-type');
    expect(headers).toContain('if-match');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a browser client of a configured origin read the ETag it must send back', async () => {
    const created = await t.as('cors-user', {
      method: 'POST',
      url: '/api/cors-user/tasks',
      payload: { title: 'Read my ETag' },
      headers: { origin: ALLOWED },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(String(created.headers['access-control-expose-headers']).toLowerCase()).toContain(
      'etag',
    );
  });

  it.each([
    OTHER,
    'https://app.example.com.evil.example.com',
    'http://app.example.com',
    'https://APP.example.com:443',
    'null',
  ])('does not allow the origin %s', async (origin) => {
    const simple = await t.as('cors-user', {
      method: 'GET',
      url: '/api/cors-user/tasks',
      headers: { origin },
    });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/cors-user/tasks',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('x-request-id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  it('is minted for every response when the caller sends none', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/health' });
    const second = await t.app.inject({ method: 'GET', url: '/health' });
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('echoes a harmless id from the caller, on success and on errors', async () => {
    for (const url of ['/health', '/no/such/route', '/api/x/tasks']) {
      const response = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'x-request-id': 'frontend-req_42.a:b' },
      });
      expect(response.headers['x-request-id']).toBe('frontend-req_42.a:b');
    }
  });

  it.each([
    ['a header-like value', 'abc set-cookie: x=1'],
    ['spaces and quotes', 'a b "c"'],
    ['markup', '<script>alert(1)</script>'],
    ['an overlong id', 'a'.repeat(65)],
    ['an empty id', ''],
  ])('replaces %s with a fresh id', async (_name, hostile) => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': hostile },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
