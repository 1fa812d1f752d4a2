import { schema } from '@todo/db/client';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateBearer } from '@/lib/tokens/authenticate';
import { hashPersonalToken } from '@/lib/tokens/personal-token';
import {
  createPersonalToken,
  listPersonalTokens,
  MAX_TOKENS_PER_USER,
  revokePersonalToken,
} from '@/lib/tokens/token-service';
import { openTokenDatabase, type TokenTestDatabase } from '../../support/token-database';

let t: TokenTestDatabase;

beforeAll(async () => {
  t = await openTokenDatabase();
  await t.createUsers('alice', 'bob', 'carol');
}, 60_000);
afterAll(() => t.close());

const DAY_MS = 24 * 60 * 60 * 1000;

async function create(userId: string, name = 'Script', scope: 'read' | 'write' = 'write') {
  const made = await createPersonalToken(t.db, userId, { name, scope, expiresAt: null });
  if (!made.ok) throw new Error(made.message);
  return made;
}

describe('the personal access token service', () => {
  it('stores only the hash: the plain token is nowhere in the database', async () => {
    const { token, item } = await create('alice', 'Laptop script');
    expect(token).toMatch(/^todo_pat_[A-Za-z0-9_-]{43}$/);
    expect(item).toMatchObject({
      name: 'Laptop script',
      scope: 'write',
      hint: `…${token.slice(-4)}`,
    });
    const [row] = await t.db.execute<{ whole: string }>(
      sql`select to_jsonb(p)::text as whole from personal_access_tokens p where id = ${item.id}`,
    );
    expect(row?.whole).toContain(hashPersonalToken(token));
    expect(row?.whole).not.toContain(token);
    // Nor anywhere else: no column of any table holds it.
    const [dump] = await t.db.execute<{ hits: number }>(sql`
      select count(*)::int as hits from (
        select to_jsonb(p)::text as whole from personal_access_tokens p
        union all select to_jsonb(r)::text from rate_limit r
      ) rows where whole like ${`%${token}%`}`);
    expect(dump?.hits).toBe(0);
    expect(await authenticateBearer(`Bearer ${token}`)).toEqual({
      userId: 'alice',
      scope: 'write',
      credentialId: `pat:${item.id}`,
    });
  });

  it('lists name, scope, hint, dates and last use, never the token or its hash', async () => {
    const { token, item } = await create('bob', 'CI', 'read');
    const list = await listPersonalTokens(t.db, 'bob');
    expect(list).toEqual([
      {
        id: item.id,
        name: 'CI',
        scope: 'read',
        hint: `…${token.slice(-4)}`,
        createdAt: expect.any(String),
        expiresAt: null,
        lastUsedAt: null,
        expired: false,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(token.slice(9, 30));
    expect(JSON.stringify(list)).not.toContain(hashPersonalToken(token));
  });

  it('marks an expired token in the list, and refuses it', async () => {
    const now = new Date();
    const soon = await createPersonalToken(t.db, 'carol', {
      name: 'Short-lived',
      scope: 'read',
      expiresAt: new Date(now.getTime() + 1000),
    });
    if (!soon.ok) throw new Error(soon.message);
    const later = new Date(now.getTime() + DAY_MS);
    const [item] = (await listPersonalTokens(t.db, 'carol', later)).filter(
      (token) => token.id === soon.item.id,
    );
    expect(item?.expired).toBe(true);
    expect((await listPersonalTokens(t.db, 'carol', now))[0]?.expired).toBe(false);
    await t.db
      .update(schema.personalAccessTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(schema.personalAccessTokens.id, soon.item.id));
    expect(await authenticateBearer(`Bearer ${soon.token}`)).toBeNull();
  });

  it('revokes a token of the user, and never another user’s', async () => {
    const { token, item } = await create('alice', 'To revoke');
    expect(await revokePersonalToken(t.db, 'bob', item.id)).toBe(false);
    expect(await authenticateBearer(`Bearer ${token}`)).not.toBeNull();
    expect((await listPersonalTokens(t.db, 'alice')).map((each) => each.id)).toContain(item.id);
    expect(await revokePersonalToken(t.db, 'alice', item.id)).toBe(true);
    expect(await authenticateBearer(`Bearer ${token}`)).toBeNull();
    expect((await listPersonalTokens(t.db, 'alice')).map((each) => each.id)).not.toContain(item.id);
    expect(await revokePersonalToken(t.db, 'alice', item.id)).toBe(false);
  });

  it(`allows ${MAX_TOKENS_PER_USER} tokens per user, even when created at once`, async () => {
    await t.createUsers('dave');
    const results = await Promise.all(
      Array.from({ length: MAX_TOKENS_PER_USER + 5 }, (_, i) =>
        createPersonalToken(t.db, 'dave', { name: `t${i}`, scope: 'read', expiresAt: null }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(MAX_TOKENS_PER_USER);
    const refused = results.find((result) => !result.ok);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('Revoke one') });
    expect(await listPersonalTokens(t.db, 'dave')).toHaveLength(MAX_TOKENS_PER_USER);
    // Another user's budget is their own.
    expect(
      (await createPersonalToken(t.db, 'bob', { name: 'x', scope: 'read', expiresAt: null })).ok,
    ).toBe(true);
  }, 30_000);
});
