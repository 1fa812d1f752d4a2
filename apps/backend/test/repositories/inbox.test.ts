import { createDatabase } from '@todo/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxId } from '../../src/repositories/inbox.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let database: ReturnType<typeof createDatabase>;

beforeAll(async () => {
  t = await buildTestApp();
  // A pool of its own, wide enough for every call of a round to run on its own connection.
  database = createDatabase(t.database.url, { max: 8 });
});
afterAll(async () => {
  await database?.close();
  await t?.close();
});

describe('inboxId', () => {
  it('makes one Inbox when many first calls for a user arrive together', async () => {
    // The race is narrow (both inserts pass the index check before either writes its entry), so
    // many users, eight calls each.
    for (let user = 0; user < 40; user++) {
      const userId = `racer-${user}`;
      await t.createUsers(userId);
      const ids = await Promise.all(Array.from({ length: 8 }, () => inboxId(database.db, userId)));
      expect(new Set(ids).size).toBe(1);
      const rows = await t.sql`select id from projects where user_id = ${userId}`;
      expect(rows.map((row) => row.id)).toEqual([ids[0]]);
    }
  });
});
