import { describe, expect, it } from 'vitest';
import { accountFor } from './support/accounting.js';
import { TEST_SECRET } from './support/backend.js';
import { useBackendOnFreshDatabase } from './support/backend-fixture.js';
import { startLoad } from './support/load.js';

const USERS = ['audit-user-1', 'audit-user-2'];

// The other files trust accountFor to find a lost or altered write; this one shows that it does.
describe('the accounting itself', () => {
  const fixture = useBackendOnFreshDatabase(USERS);

  it('reports a lost write, an altered row and a row nobody acknowledged, and nothing else', async () => {
    const { backend, sql } = fixture();
    const exchanges = await startLoad({
      baseUrl: backend.url,
      users: USERS,
      secret: TEST_SECRET,
      connections: 4,
      durationMs: 1_500,
      label: 'audit',
    }).done;
    expect((await accountFor(exchanges, sql, USERS)).mismatches).toEqual([]);

    const [lost, altered] = await sql<{ id: number }[]>`
      select id from tasks where user_id in ${sql(USERS)} order by id limit 2`;
    if (!lost || !altered) throw new Error('the load created fewer than two tasks');
    await sql`delete from tasks where id = ${lost.id}`;
    await sql`update tasks set title = title || ' (edited behind the API)' where id = ${altered.id}`;
    await sql`insert into tasks (user_id, project_id, title)
      select user_id, id, 'audit:ghost never acknowledged' from projects
      where user_id = ${USERS[0] ?? ''} and is_inbox`;

    const { mismatches } = await accountFor(exchanges, sql, USERS);
    expect(mismatches).toHaveLength(3);
    expect(mismatches).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^task ${lost.id} .*acknowledged but missing`)),
        expect.stringMatching(new RegExp(`^task ${altered.id} .*title: acknowledged`)),
        expect.stringMatching(
          /"audit:ghost never acknowledged" is stored but no answer acknowledged it/,
        ),
      ]),
    );
  });
});
