import { type Database, schema } from '@todo/db/client';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '@/lib/tokens/authenticate';
import { authorizeRequest } from '@/lib/tokens/authorize-request';
import { newPersonalToken } from '@/lib/tokens/personal-token';
import {
  openTokenDatabase,
  type TokenTestDatabase,
  waitForFreshWindow,
} from '../../support/token-database';

const LIMIT = 5;
let t: TokenTestDatabase;

beforeAll(async () => {
  t = await openTokenDatabase({ TOKEN_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  await t.createUsers('alice');
}, 60_000);
afterAll(() => t.close());

/** A token row for alice, inserted as the token service would; returns the plain token. */
async function insertToken(
  db: Database,
  values: { scope?: 'read' | 'write'; expiresAt?: Date | null } = {},
) {
  const { token, hash, hint } = newPersonalToken();
  const [row] = await db
    .insert(schema.personalAccessTokens)
    .values({
      userId: 'alice',
      name: 'test',
      scope: values.scope ?? 'write',
      tokenHash: hash,
      hint,
      expiresAt: values.expiresAt ?? null,
    })
    .returning({ id: schema.personalAccessTokens.id });
  if (!row) throw new Error('no token row');
  return { token, id: row.id };
}

const request = (authorization?: string) =>
  new Request('http://localhost/api/v1/tasks', {
    headers: authorization ? { authorization } : {},
  });

async function expectUnauthorized(answer: unknown, challenge = 'Bearer') {
  expect(answer).toBeInstanceOf(Response);
  const response = answer as Response;
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('www-authenticate')).toBe(challenge);
  expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
}

describe('authorizeRequest', () => {
  it('returns the credential of a valid token, with its scope', async () => {
    const { token, id } = await insertToken(t.db, { scope: 'read' });
    expect(await authorizeRequest(request(`Bearer ${token}`))).toEqual({
      userId: 'alice',
      scope: 'read',
      credentialId: `pat:${id}`,
    });
  });

  it('answers 401 with WWW-Authenticate: Bearer without a token, or with an unknown one', async () => {
    await expectUnauthorized(await authorizeRequest(request()));
    await expectUnauthorized(await authorizeRequest(request('Basic YWxpY2U6cHc=')));
    const unknown = newPersonalToken().token;
    await expectUnauthorized(await authorizeRequest(request(`Bearer ${unknown}`)));
  });

  it('names the resource metadata in the challenge when asked to (/mcp)', async () => {
    const url = 'http://localhost/.well-known/oauth-protected-resource/mcp';
    await expectUnauthorized(
      await authorizeRequest(request(), { resourceMetadataUrl: url }),
      `Bearer resource_metadata="${url}"`,
    );
  });

  it('refuses an expired token and a revoked (deleted) one', async () => {
    const expired = await insertToken(t.db, { expiresAt: new Date(Date.now() - 1000) });
    await expectUnauthorized(await authorizeRequest(request(`Bearer ${expired.token}`)));
    const revoked = await insertToken(t.db);
    expect(await authorizeRequest(request(`Bearer ${revoked.token}`))).not.toBeInstanceOf(Response);
    await t.db
      .delete(schema.personalAccessTokens)
      .where(eq(schema.personalAccessTokens.id, revoked.id));
    await expectUnauthorized(await authorizeRequest(request(`Bearer ${revoked.token}`)));
  });

  it(`answers 429 with Retry-After once a token has made ${LIMIT} requests this minute`, async () => {
    const { token } = await insertToken(t.db);
    const other = await insertToken(t.db);
    await waitForFreshWindow(t.db);
    const statuses: number[] = [];
    let last: Credential | Response | undefined;
    for (let i = 0; i <= LIMIT; i += 1) {
      last = await authorizeRequest(request(`Bearer ${token}`));
      statuses.push(last instanceof Response ? last.status : 200);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    const limited = last as Response;
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The budget is the token's own: another token of the same user is still served.
    expect(await authorizeRequest(request(`Bearer ${other.token}`))).not.toBeInstanceOf(Response);
  }, 30_000);

  it('records the last use at most once a minute per token', async () => {
    const { token, id } = await insertToken(t.db);
    const lastUsed = async () => {
      const [row] = await t.db
        .select({ at: schema.personalAccessTokens.lastUsedAt })
        .from(schema.personalAccessTokens)
        .where(eq(schema.personalAccessTokens.id, id));
      return row?.at ?? null;
    };
    expect(await lastUsed()).toBeNull();
    await authorizeRequest(request(`Bearer ${token}`));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    const versions = async () =>
      (
        await t.db.execute<{ xmin: string }>(
          sql`select xmin::text from personal_access_tokens where id = ${id}`,
        )
      )[0]?.xmin;
    const before = await versions();
    await authorizeRequest(request(`Bearer ${token}`));
    await authorizeRequest(request(`Bearer ${token}`));
    // No new row version: the calls within the minute wrote nothing.
    expect(await versions()).toBe(before);
    expect(await lastUsed()).toEqual(first);
    // A minute later, the next call records it again.
    await t.db
      .update(schema.personalAccessTokens)
      .set({ lastUsedAt: sql`now() - interval '61 seconds'` })
      .where(eq(schema.personalAccessTokens.id, id));
    const stale = await lastUsed();
    await authorizeRequest(request(`Bearer ${token}`));
    expect((await lastUsed())?.getTime()).toBeGreaterThan(stale?.getTime() ?? 0);
  });
});
