import type { Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// Writes that change parents, sent at the same moment: the one-level rule holds and none of them
// deadlocks (a deadlock would be a 500).

let t: TestApp;
const USER = 'racer';
const ROUNDS = 8;

const patch = (id: number, payload: object, query = '') =>
  t.as(USER, { method: 'PATCH', url: `/api/${USER}/tasks/${id}${query}`, payload });

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER);
});
afterAll(async () => t?.close());

describe('parents changed together', () => {
  it('A under B and C under A at once: one of them is refused, never two levels', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b, c] = await Promise.all(
        ['A', 'B', 'C'].map((name) => t.createTask(USER, { title: `${name} ${round}` })),
      );
      if (!a || !b || !c) throw new Error('the tasks were not created');
      const answers = await Promise.all([
        patch(a.id, { parent_id: b.id }),
        t.as(USER, {
          method: 'POST',
          url: `/api/${USER}/tasks`,
          payload: { title: `D ${round}`, parent_id: a.id },
        }),
        patch(c.id, { parent_id: a.id }),
      ]);
      const statuses = answers.map((answer) => answer.statusCode);
      for (const status of statuses) expect([200, 201, 422]).toContain(status);
      const [twoLevels] = await t.sql<{ count: number }[]>`
        select count(*)::int as count from tasks child
        join tasks parent on parent.id = child.parent_id
        where child.user_id = ${USER} and parent.parent_id is not null`;
      expect(twoLevels?.count, `round ${round}: ${statuses.join(' ')}`).toBe(0);
    }
  });

  it('completing a parent with its subtasks while they are edited or let go: no deadlock, all done', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const parent = await t.createTask(USER, { title: `Parent ${round}` });
      const steps: Task[] = await Promise.all(
        [1, 2, 3].map((step) =>
          t.createTask(USER, { title: `Step ${round}.${step}`, parent_id: parent.id }),
        ),
      );
      const [first, second, third] = steps;
      if (!first || !second || !third) throw new Error('the subtasks were not created');
      const answers = await Promise.all([
        patch(first.id, { title: `Step ${round}.1 renamed` }),
        t.as(USER, {
          method: 'PATCH',
          url: `/api/${USER}/tasks/${parent.id}/complete?subtasks=complete`,
        }),
        patch(second.id, { parent_id: null }),
        patch(parent.id, { priority: 'high' }),
        patch(third.id, { description: 'edited meanwhile' }),
      ]);
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      const rows = await t.sql<{ id: number; completed: boolean }[]>`
        select id, completed from tasks where parent_id = ${parent.id}`;
      const [parentRow] = await t.sql<{ completed: boolean }[]>`
        select completed from tasks where id = ${parent.id}`;
      expect(parentRow?.completed).toBe(true);
      // Whatever was still its subtask when the parent was completed was completed with it.
      for (const row of rows) expect(row.completed).toBe(true);
    }
  });
});
