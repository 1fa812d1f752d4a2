import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const TOKEN = `${'a'.repeat(43)}.ics`;

let server: Server;
let seen: { url: string; headers: IncomingHttpHeaders }[];
let answer: (response: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The route reads the environment once, through getServerEnv.
  vi.stubEnv('BACKEND_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv('BETTER_AUTH_URL', 'https://todo.example.com');
  vi.stubEnv('BETTER_AUTH_SECRET', 's'.repeat(40));
  vi.stubEnv('DATABASE_URL', 'postgres://unused@127.0.0.1:1/unused');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen = [];
});

async function get(headers: Record<string, string> = {}) {
  const { GET } = await import('@/app/calendar/[token]/route');
  const request = new Request(`http://127.0.0.1:3000/calendar/${TOKEN}`, { headers });
  return GET(request, { params: Promise.resolve({ token: TOKEN }) });
}

describe('GET /calendar/[token]', () => {
  it('relays the feed with its type, caching and ETag, naming the public origin', async () => {
    answer = (response) =>
      response
        .writeHead(200, {
          'content-type': 'text/calendar; charset=utf-8',
          'cache-control': 'private, max-age=300',
          etag: '"abc"',
          'x-request-id': 'not passed on',
        })
        .end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const response = await get({ 'if-none-match': '"old"', cookie: 'session=secret' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
      etag: '"abc"',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`/calendar/${TOKEN}`);
    expect(seen[0]?.headers).toMatchObject({
      'x-forwarded-host': 'todo.example.com',
      'x-forwarded-proto': 'https',
      'if-none-match': '"old"',
    });
    // Nothing of the caller's own goes to the backend: no cookie, no authorization.
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('passes 304 and 404 on, the 404 never cached', async () => {
    answer = (response) => response.writeHead(304, { etag: '"abc"' }).end();
    const notModified = await get({ 'if-none-match': '"abc"' });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe('"abc"');
    answer = (response) =>
      response
        .writeHead(404, { 'content-type': 'application/problem+json' })
        .end('{"title":"Not Found","status":404}');
    const missing = await get();
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with Retry-After when the backend fails or cannot be reached', async () => {
    answer = (response) => response.writeHead(500).end();
    const failed = await get();
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('60');
    answer = (response) => response.destroy();
    expect((await get()).status).toBe(503);
  });
});
