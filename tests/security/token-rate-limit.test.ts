// The per-token limit of the public API against two real standalone frontends (two replicas) on
// one PostgreSQL: one budget for the token, whichever replica answers, and no session cookie.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type FrontendProcess, startFrontend } from './support/frontend.js';

const LIMIT = 5;
const token = `todo_pat_${randomBytes(32).toString('base64url')}`;
let database: TestDatabase | undefined;
let backend: Server | undefined;
const frontends: FrontendProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  await sql`insert into "user" (id, name, email, email_verified, created_at, updated_at)
    values ('alice', 'Alice', 'alice@example.com', false, now(), now())`;
  await sql`insert into personal_access_tokens (user_id, name, scope, token_hash, hint)
    values ('alice', 'Script', 'read',
      ${createHash('sha256').update(token).digest('hex')}, ${token.slice(-4)})`;
  await sql.end();
  // A stand-in backend that answers every call: only the frontends' own answers are under test.
  backend = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}'),
  );
  await new Promise<void>((resolve) => backend?.listen(0, '127.0.0.1', resolve));
  const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  // One after the other: two Next.js servers starting at once would compete for the two cores.
  for (let i = 0; i < 2; i += 1) {
    frontends.push(
      await startFrontend(database.url, {
        BACKEND_URL: backendUrl,
        TOKEN_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(frontends.map((frontend) => frontend.stop()));
  await new Promise((resolve) => backend?.close(resolve));
  await database?.drop();
});

function frontend(index: number): FrontendProcess {
  const found = frontends[index];
  if (!found) throw new Error('the frontends did not start');
  return found;
}

const listTasks = (index: number, headers: Record<string, string>) =>
  fetch(`${frontend(index).url}/api/v1/tasks`, { headers });

/** Waits until the current minute has at least 15 s left, so a burst falls in one window. */
async function freshWindow() {
  const second = new Date().getUTCSeconds();
  if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe('the public API rate limit per token', () => {
  it(`is one budget across two frontend processes: the ${LIMIT + 1}th call is 429`, async () => {
    await freshWindow();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let call = 0; call <= LIMIT; call += 1) {
      last = await listTasks(call % 2, { authorization: `Bearer ${token}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    expect(last?.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Each process alone made three calls or fewer, under the limit: only the shared count says no.
    expect((await listTasks(0, { authorization: `Bearer ${token}` })).status).toBe(429);
    expect((await listTasks(1, { authorization: `Bearer ${token}` })).status).toBe(429);
  }, 60_000);

  it('answers 401 with WWW-Authenticate to a cookie instead of a token', async () => {
    const answer = await listTasks(0, { cookie: 'better-auth.session_token=anything' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });
});
