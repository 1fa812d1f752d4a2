import { TRANSFER_LIMITS } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser } from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';
import { exportJson, type ImportRequest, rowCounts, sendImport } from '../helpers/transfer.js';

let t: TestApp;
let userId: string;
let exported: Awaited<ReturnType<typeof exportJson>>;

const HEADER =
  'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE';

beforeAll(async () => {
  t = await buildTestApp();
  // A user who already has a few things, so "nothing created" is counted against real rows.
  userId = await newUser(t);
  const parent = await t.createTask(userId, { title: 'Existing', due_at: '2030-01-01T09:00:00Z' });
  await t.createTask(userId, { title: 'Existing subtask', parent_id: parent.id });
  exported = await exportJson(t, userId);
});
afterAll(async () => t?.close());

/** Sends a bad file and answers its problem, checking that nothing at all was written. */
async function refusedFile(file: string | object, request: ImportRequest, status: number) {
  const before = await rowCounts(t, userId);
  const [changes] = await t.sql<
    { count: number }[]
  >`select count(*)::int as count from change_events`;
  const problem = expectProblem(await sendImport(t, userId, file, request), status);
  expect(await rowCounts(t, userId)).toEqual(before);
  const [after] = await t.sql<
    { count: number }[]
  >`select count(*)::int as count from change_events`;
  expect(after?.count).toBe(changes?.count);
  return problem;
}

describe('a bad file gets a clear error and changes nothing', () => {
  it('not JSON (400)', async () => {
    const problem = await refusedFile(
      '{"format": "todo-export", "tasks": [',
      { source: 'json' },
      400,
    );
    expect(problem.detail).toBe('The body is not valid JSON');
  });

  it('JSON that is not our export (422)', async () => {
    const problem = await refusedFile({ items: [] }, { source: 'json' }, 422);
    expect(problem.detail).toMatch(/not a file this app exported/);
  });

  it('an export of another version (422)', async () => {
    const problem = await refusedFile({ ...exported, version: 2 }, { source: 'json' }, 422);
    expect(problem.detail).toBe('The file is version 2; this server reads version 1');
  });

  it('a task with a 300-character title in a JSON file, among good ones (422, by its path)', async () => {
    const tasks = [...exported.tasks, { ...exported.tasks[0], id: 999, title: 'x'.repeat(300) }];
    const problem = await refusedFile({ ...exported, tasks }, { source: 'json' }, 422);
    expect(problem.errors).toEqual([
      { path: '/tasks/2/title', message: 'must NOT have more than 200 characters' },
    ]);
  });

  it('a repeat rule the API refuses, in a JSON file (422, by its path)', async () => {
    const tasks = [{ ...exported.tasks[0], id: 998, repeat: { rrule: 'FREQ=HOURLY' } }];
    const problem = await refusedFile({ ...exported, tasks }, { source: 'json' }, 422);
    expect(problem.errors?.[0]).toMatchObject({ path: '/tasks/0', message: /^repeat:/ });
  });

  it('a CSV without the Todoist header (422)', async () => {
    const problem = await refusedFile('Title,Due\nBuy milk,tomorrow\n', { source: 'todoist' }, 422);
    expect(problem.detail).toMatch(/no TYPE or CONTENT column/);
  });

  it('a CSV row with a 300-character title, after good rows (422, by its line)', async () => {
    const csv = [HEADER, 'task,Fine,,4,1,,,,,', '', `task,${'y'.repeat(300)},,1,1,,,,,`].join('\n');
    const problem = await refusedFile(csv, { source: 'todoist' }, 422);
    expect(problem.detail).toMatch(/^1 problem in the file .*nothing was imported$/);
    expect(problem.errors).toEqual([
      { path: 'line 4/title', message: 'must NOT have more than 200 characters' },
    ]);
  });

  it('CSV that cannot be read (400, with the line)', async () => {
    const problem = await refusedFile(
      `${HEADER}\ntask,"unclosed,,4,1\n`,
      { source: 'todoist' },
      400,
    );
    expect(problem.detail).toMatch(/^The file is not readable CSV: .*line/i);
  });

  it(`more than ${TRANSFER_LIMITS.tasksMax} tasks (422)`, async () => {
    const rows = Array.from({ length: TRANSFER_LIMITS.tasksMax + 1 }, (_, i) => `task,T${i},,4,1`);
    const problem = await refusedFile([HEADER, ...rows].join('\n'), { source: 'todoist' }, 422);
    expect(problem.detail).toMatch(/5001 tasks; one import takes at most 5000/);
  });

  it('a file over 5 MB (413)', async () => {
    const big = `${HEADER}\n${`task,${'z'.repeat(99)},,4,1\n`.repeat(55_000)}`;
    expect(big.length).toBeGreaterThan(TRANSFER_LIMITS.bodyBytes);
    await refusedFile(big, { source: 'todoist' }, 413);
  });

  it('a JSON body for a Todoist import (400)', async () => {
    const before = await rowCounts(t, userId);
    const response = await t.as(userId, {
      method: 'POST',
      url: `/api/${userId}/import?source=todoist`,
      payload: { TYPE: 'task' },
    });
    expect(expectProblem(response, 400).detail).toMatch(/CSV file itself, sent as text\/csv/);
    expect(await rowCounts(t, userId)).toEqual(before);
  });

  it('a file whose import fails part way rolls back what it had written', async () => {
    // Valid rows, then a subtask under an existing task that has become a subtask itself: the
    // placement rule refuses it inside the transaction, after the project and first tasks.
    const csv = [HEADER, 'task,Parent,,4,1', 'task,Child,,4,2'].join('\n');
    await sendImport(t, userId, csv, { source: 'todoist', projectName: 'Rollback' });
    const [parent] = await t.sql<{ id: number }[]>`
      select id from tasks where user_id = ${userId} and title = 'Parent'`;
    const [other] = await t.sql<{ id: number }[]>`
      select id from tasks where user_id = ${userId} and title = 'Existing'`;
    await t.sql`update tasks set parent_id = ${other?.id ?? 0} where id = ${parent?.id ?? 0}`;
    const grown = [HEADER, 'task,New one,,4,1', 'task,Parent,,4,1', 'task,Child 2,,4,2'].join('\n');
    const problem = await refusedFile(grown, { source: 'todoist', projectName: 'Rollback' }, 422);
    expect(problem.detail).toMatch(/subtask/);
  });
});
