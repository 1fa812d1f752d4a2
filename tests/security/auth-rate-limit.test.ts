// Better Auth's sign-in limit against the real standalone frontend and PostgreSQL: the client
// address comes from the socket unless the peer is a declared proxy, and the counters live in
// the database, so two processes (two replicas) share one budget.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type FrontendProcess, post, startFrontend } from './support/frontend.js';

/** The configured limit (AUTH_ATTEMPTS_PER_MINUTE in apps/frontend/src/lib/auth/config.ts). */
const ATTEMPTS_PER_MINUTE = 10;
/** The one peer the frontends trust as a proxy. */
const PROXY = '127.0.0.10';

let database: TestDatabase | undefined;
const frontends: FrontendProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  const url = database.url;
  // One after the other: two Next.js servers starting at once would compete for the two cores.
  for (let i = 0; i < 2; i += 1) {
    frontends.push(await startFrontend(url, { TRUSTED_PROXIES: `${PROXY}, 10.0.0.0/8` }));
  }
});

afterAll(async () => {
  await Promise.all(frontends.map((frontend) => frontend.stop()));
  await database?.drop();
});

function frontend(index: number): FrontendProcess {
  const found = frontends[index];
  if (!found) throw new Error('the frontends did not start');
  return found;
}

/** A wrong-password sign-in; its status is 401 while the budget lasts, then 429. */
async function signInAttempt(
  index: number,
  from: string,
  forwardedFor?: string,
  headers: Record<string, string> = {},
) {
  const answer = await post(
    `${frontend(index).url}/api/auth/sign-in/email`,
    JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }),
    { from, headers: { ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}), ...headers } },
  );
  return answer.status;
}

describe('the sign-in rate limit', () => {
  it('ignores X-Forwarded-For from an untrusted peer: the 11th attempt is 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= ATTEMPTS_PER_MINUTE + 1; attempt += 1) {
      const forwarded = `198.51.100.${attempt}`;
      // The headers the server sets for itself, forged: they must change nothing either.
      const forged = {
        'x-todo-client-address': forwarded,
        'x-todo-peer-address': `forged ${PROXY}`,
      };
      statuses.push(await signInAttempt(0, '127.0.0.2', forwarded, forged));
    }
    expect(statuses.slice(0, ATTEMPTS_PER_MINUTE)).toEqual(Array(ATTEMPTS_PER_MINUTE).fill(401));
    expect(statuses.at(-1)).toBe(429);
  });

  it('is one budget across two frontend processes on one database', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= ATTEMPTS_PER_MINUTE + 1; attempt += 1) {
      statuses.push(await signInAttempt(attempt % 2, '127.0.0.3'));
    }
    expect(statuses.slice(0, ATTEMPTS_PER_MINUTE)).toEqual(Array(ATTEMPTS_PER_MINUTE).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // Each process on its own would still have had budget left.
    expect(await signInAttempt(0, '127.0.0.3')).toBe(429);
    expect(await signInAttempt(1, '127.0.0.3')).toBe(429);
  });

  it('honours the X-Forwarded-For of a trusted proxy: one budget per forwarded client', async () => {
    for (let attempt = 1; attempt <= ATTEMPTS_PER_MINUTE; attempt += 1) {
      expect(await signInAttempt(attempt % 2, PROXY, '203.0.113.7')).toBe(401);
    }
    expect(await signInAttempt(0, PROXY, '203.0.113.7')).toBe(429);
    // Another client behind the same proxy has its own budget…
    expect(await signInAttempt(0, PROXY, '203.0.113.8')).toBe(401);
    // …and what a client wrote left of the proxy's entry is not believed: still 203.0.113.7.
    expect(await signInAttempt(1, PROXY, '192.0.2.99, 203.0.113.7')).toBe(429);
    // Hops inside a trusted range are walked past, to the first untrusted one.
    expect(await signInAttempt(1, PROXY, '203.0.113.7, 10.1.2.3')).toBe(429);
    // The proxy itself, with no header, is a client of its own.
    expect(await signInAttempt(0, PROXY)).toBe(401);
  });
});
