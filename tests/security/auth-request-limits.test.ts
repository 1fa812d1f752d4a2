// The account fields and request bodies /api/auth/* accepts, against the real standalone frontend
// and PostgreSQL: the form's limits hold on the server, and an oversized body is refused unread.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type FrontendProcess, post, startFrontend } from './support/frontend.js';

let database: TestDatabase | undefined;
let sql: postgres.Sql | undefined;
let frontend: FrontendProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  frontend = await startFrontend(database.url);
});

afterAll(async () => {
  await frontend?.stop();
  await sql?.end({ timeout: 5 });
  await database?.drop();
});

function running() {
  if (!frontend || !sql) throw new Error('the frontend did not start');
  return { frontend, sql };
}

// Each test signs up from its own address, well inside the sign-up limit of that address.
const signUp = (body: Record<string, unknown>, from: string) =>
  post(`${running().frontend.url}/api/auth/sign-up/email`, JSON.stringify(body), { from });

const user = (label: string) => ({
  name: `Ada ${label}`,
  email: `${label}-${Date.now()}@example.com`,
  password: 'long-enough-password',
});

describe('account fields', () => {
  it('refuses a sign-up with a 10,000-character name, saying why, and stores nothing', async () => {
    const ada = user('long-name');
    const answer = await signUp({ ...ada, name: 'x'.repeat(10_000) }, '127.0.0.20');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'INVALID_ACCOUNT_FIELD',
      message: 'Name: Use at most 100 characters.',
    });
    const { sql } = running();
    expect(await sql`select 1 from "user" where email = ${ada.email}`).toHaveLength(0);
  });

  it('refuses a sign-up with an image URL of 3,000 characters', async () => {
    const answer = await post(
      `${running().frontend.url}/api/auth/sign-up/email`,
      JSON.stringify({ ...user('long-image'), image: `https://x.example/${'a'.repeat(3000)}` }),
      { from: '127.0.0.21' },
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).message).toMatch(/^Image: use a URL of at most 2048/);
  });

  it('refuses an update-user that makes the name or image too long, keeping the old name', async () => {
    const ada = user('update');
    const created = await signUp(ada, '127.0.0.22');
    expect(created.status).toBe(200);
    const { frontend, sql } = running();
    for (const change of [
      { name: 'y'.repeat(10_000) },
      { image: `https://x/${'i'.repeat(3000)}` },
    ]) {
      const answer = await post(`${frontend.url}/api/auth/update-user`, JSON.stringify(change), {
        from: '127.0.0.22',
        headers: { cookie: created.cookies },
      });
      expect(answer.status, answer.body).toBe(400);
    }
    const [stored] = await sql<{ name: string; image: string | null }[]>`
      select name, image from "user" where email = ${ada.email}`;
    expect(stored).toEqual({ name: ada.name, image: null });
  });
});

describe('request bodies', () => {
  const TEN_MB = 10 * 1024 * 1024;
  const MIB = 1024 * 1024;

  it('answers 413 to a 10 MB body, declared or chunked, without the process growing', async () => {
    const { frontend } = running();
    const url = `${frontend.url}/api/auth/sign-up/email`;
    // Warm up the route (first requests load code), then measure.
    for (let i = 0; i < 3; i += 1) await post(url, '{}', { from: '127.0.0.23' });
    const before = frontend.rssBytes();
    const declared = await post(url, Buffer.alloc(TEN_MB, 0x20), { from: '127.0.0.23' });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).code).toBe('REQUEST_TOO_LARGE');
    const chunks = Array.from({ length: 160 }, () => Buffer.alloc(64 * 1024, 0x20));
    const chunked = await post(url, chunks, { from: '127.0.0.23' });
    expect(chunked.status).toBe(413);
    const grown = frontend.rssBytes() - before;
    console.log(`frontend RSS after two 10 MB bodies: ${(grown / MIB).toFixed(1)} MiB more`);
    expect(grown, `grew by ${(grown / MIB).toFixed(1)} MiB`).toBeLessThan(20 * MIB);
  });
});
