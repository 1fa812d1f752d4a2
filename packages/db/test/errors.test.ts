import { createDatabase, schema } from '@todo/db/client';
import { DatabaseError, safeMessage, withoutQuery } from '@todo/db/errors';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database.js';

const MARKER = 'private-marker-3f9a';
let database: TestDatabase;
let client: ReturnType<typeof createDatabase>;

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  client = createDatabase(database.url, { max: 1 });
});
afterAll(async () => {
  await client?.close();
  await database?.drop();
});

/** The error a real query fails with. */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('the query did not fail');
    },
    (error: unknown) => error,
  );
}

describe('withoutQuery', () => {
  it('keeps the code and PostgreSQL’s message of a failed query, never its text or parameters', async () => {
    const { user } = schema;
    const row = { id: MARKER, name: MARKER, email: `${MARKER}@example.test` };
    await client.db.insert(user).values(row);
    const error = await failure(() => client.db.insert(user).values(row));
    expect(String((error as Error).message)).toContain(MARKER); // what drizzle would have logged

    const safe = withoutQuery(error);
    expect(safe).toBeInstanceOf(DatabaseError);
    expect(safe).toMatchObject({
      code: '23505',
      message: '23505: duplicate key value violates unique constraint "user_pkey"',
    });
    expect(safe).not.toHaveProperty('cause');
    expect(JSON.stringify(safe) + (safe as Error).stack).not.toContain(MARKER);
    expect(JSON.stringify(safe)).not.toContain('insert into');
  });

  it('leaves out the message of a data exception, which quotes the value refused', async () => {
    const error = await failure(() => client.db.execute(sql`select ${MARKER}::integer`));
    expect(safeMessage(error)).toBe('22P02');
  });

  it('describes a refused connection by its code and address', async () => {
    const unreachable = createDatabase('postgres://todo:password@127.0.0.1:1/todo', { max: 1 });
    const error = await failure(() => unreachable.db.execute(sql`select ${MARKER}`));
    await unreachable.close();
    expect(safeMessage(error)).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('returns any other error unchanged', () => {
    const error = new TypeError('not a database error');
    expect(withoutQuery(error)).toBe(error);
    expect(safeMessage(error)).toBe('not a database error');
  });
});
