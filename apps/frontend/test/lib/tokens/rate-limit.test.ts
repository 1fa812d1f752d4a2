import { createDatabase } from '@todo/db/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spendTokenBudget } from '@/lib/tokens/rate-limit';
import {
  openTokenDatabase,
  type TokenTestDatabase,
  waitForFreshWindow,
} from '../../support/token-database';

let t: TokenTestDatabase;
/** A second pool on the same database: another frontend replica. */
let replica: ReturnType<typeof createDatabase>;

beforeAll(async () => {
  t = await openTokenDatabase();
  replica = createDatabase(t.database.url, { max: 2 });
}, 60_000);
afterAll(async () => {
  await replica.close();
  await t.close();
});

describe('the per-token rate limit', () => {
  it('is one budget across two replicas (two pools), then 429 with the rest of the minute', async () => {
    await waitForFreshWindow(t.db);
    const answers = [];
    for (let i = 0; i < 6; i += 1) {
      answers.push(await spendTokenBudget(i % 2 ? replica.db : t.db, 'pat:1', 5));
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
    expect(answers[5]).toMatchObject({ allowed: false });
    // Each pool alone made at most three requests, under the limit: only the shared count says no.
    expect(await spendTokenBudget(t.db, 'pat:1', 5)).toMatchObject({ allowed: false });
    expect(await spendTokenBudget(replica.db, 'pat:1', 5)).toMatchObject({ allowed: false });
    const [row] = await t.db.execute<{ count: number }>(
      sql`select count from rate_limit where key = 'token:pat:1'`,
    );
    expect(row?.count).toBe(8);
  }, 30_000);

  it('counts concurrent requests exactly (one atomic upsert)', async () => {
    await waitForFreshWindow(t.db);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        spendTokenBudget(i % 2 ? replica.db : t.db, 'pat:2', 12),
      ),
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(12);
  }, 30_000);

  it('starts a new budget in the next minute', async () => {
    await waitForFreshWindow(t.db);
    for (let i = 0; i < 3; i += 1) await spendTokenBudget(t.db, 'pat:3', 2);
    expect(await spendTokenBudget(t.db, 'pat:3', 2)).toMatchObject({ allowed: false });
    // The stored window moved one minute back, as if the minute had passed.
    await t.db.execute(
      sql`update rate_limit set last_request = last_request - 60000 where key = 'token:pat:3'`,
    );
    expect(await spendTokenBudget(t.db, 'pat:3', 2)).toEqual({ allowed: true });
  }, 30_000);
});
