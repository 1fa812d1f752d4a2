import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessTokenVerifier, TRANSFER_LIMITS } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardToBackend, PUBLIC_API_BODY_MAX_BYTES } from '@/lib/public-api/forward';
import type { Credential } from '@/lib/tokens/authenticate';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const credential: Credential = { userId: 'alice', scope: 'read', credentialId: 'pat:7' };

/** A stand-in backend over real HTTP that records what reached it and answers as told. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let seen: Seen[] = [];
let answer: { status: number; headers: Record<string, string>; body: string } = {
  status: 200,
  headers: {},
  body: '',
};
let server: Server;
let backendUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      response.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function forward(path: string, init: RequestInit = {}, segments?: string[]) {
  seen = [];
  const url = new URL(path, 'http://todo.example.com');
  const parts = segments ?? url.pathname.replace(/^\/api\/v1\//, '').split('/');
  return forwardToBackend(new Request(url, init), credential, parts, {
    backendUrl,
    secret: SECRET,
  });
}

describe('forwardToBackend', () => {
  it('calls /api/<user>/<path>?<query> with a backend token carrying scope and credential', async () => {
    answer = {
      status: 200,
      headers: { 'content-type': 'application/json', etag: '"3"', 'x-internal': 'no' },
      body: '{"items":[]}',
    };
    const response = await forward('/api/v1/tasks?status=open&q=milk', {
      headers: { cookie: 'session=1', accept: 'application/json', 'x-other': '1' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"items":[]}');
    expect(response.headers.get('etag')).toBe('"3"');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-internal')).toBeNull();
    const [call] = seen;
    expect(call?.url).toBe('/api/alice/tasks?status=open&q=milk');
    expect(call?.headers.cookie).toBeUndefined();
    expect(call?.headers['x-other']).toBeUndefined();
    const token = call?.headers.authorization?.replace(/^Bearer /, '') ?? '';
    expect(await createAccessTokenVerifier(SECRET)(token)).toEqual({
      userId: 'alice',
      scope: 'read',
      credentialId: 'pat:7',
    });
  });

  it('passes method, body, content type and If-Match; rewrites Location to /api/v1', async () => {
    answer = {
      status: 201,
      headers: { location: '/api/alice/tasks/9', 'content-type': 'application/json' },
      body: '{}',
    };
    const response = await forward('/api/v1/tasks/4/complete', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': '"2"' },
      body: '{"a":1}',
    });
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/alice/tasks/4/complete',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json', 'if-match': '"2"' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/v1/tasks/9');
  });

  it('refuses a body over the cap with 413, without calling the backend', async () => {
    const response = await forward('/api/v1/tasks', {
      method: 'POST',
      body: 'x'.repeat(PUBLIC_API_BODY_MAX_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(seen).toEqual([]);
  });

  it('lets an import carry a whole file (the import route’s own limit), and no more', async () => {
    answer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
    const file = 'x'.repeat(PUBLIC_API_BODY_MAX_BYTES * 4);
    const response = await forward('/api/v1/import?source=todoist&dry_run=true', {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.url).toBe('/api/alice/import?source=todoist&dry_run=true');
    const tooBig = await forward('/api/v1/import?source=todoist', {
      method: 'POST',
      body: 'x'.repeat(TRANSFER_LIMITS.bodyBytes + 1),
    });
    expect(tooBig.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('never leaves the user’s own prefix: dot segments are 404, others are encoded', async () => {
    expect((await forward('/x', {}, ['..', 'bob', 'tasks'])).status).toBe(404);
    expect((await forward('/x', {}, ['tasks', '.'])).status).toBe(404);
    expect((await forward('/x', {}, [])).status).toBe(404);
    expect(seen).toEqual([]);
    answer = { status: 404, headers: {}, body: '' };
    await forward('/x', {}, ['tasks', '1/../../bob']);
    expect(seen[0]?.url).toBe('/api/alice/tasks/1%2F..%2F..%2Fbob');
  });

  it('answers 503 problem when the backend is not there', async () => {
    const response = await forwardToBackend(
      new Request('http://todo.example.com/api/v1/tasks'),
      credential,
      ['tasks'],
      { backendUrl: 'http://127.0.0.1:9', secret: SECRET },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
