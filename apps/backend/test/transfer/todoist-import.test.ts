import { readFileSync } from 'node:fs';
import type { Task, TaskList } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser } from '../helpers/projects.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { importFile, rowCounts } from '../helpers/transfer.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

/** A Todoist project export: a section, subtasks by INDENT, p1…p4, a recurring date, a note. */
const FIXTURE = readFileSync(new URL('../fixtures/todoist-home.csv', import.meta.url), 'utf8');
const options = { source: 'todoist', projectName: 'Home', timeZone: 'Europe/Berlin' } as const;

async function tasksOf(userId: string): Promise<Map<string, Task>> {
  const response = await t.as(userId, { method: 'GET', url: `/api/${userId}/tasks?limit=100` });
  expect(response.statusCode, response.body).toBe(200);
  return new Map(response.json<TaskList>().items.map((task) => [task.title, task]));
}

describe('a Todoist CSV export', () => {
  it('imports into one project: subtasks by INDENT, priorities, labels, sections, dates', async () => {
    const userId = await newUser(t);
    const summary = await importFile(t, userId, FIXTURE, options);
    expect(summary.created).toEqual({ projects: 1, tasks: 4, subtasks: 2 });
    expect(summary.items.map((item) => [item.line, item.kind, item.title])).toEqual([
      [null, 'project', 'Home'],
      [3, 'task', 'Call the plumber'],
      [5, 'task', 'Water the plants'],
      [11, 'task', 'Paint the walls'],
      [13, 'subtask', 'Buy paint'],
      [15, 'subtask', 'Pick a brush'],
      [17, 'task', 'Fix the tap'],
    ]);
    const tasks = await tasksOf(userId);
    const [project] = await t.sql<{ id: number }[]>`
      select id from projects where user_id = ${userId} and name = 'Home'`;
    expect([...tasks.values()].every((task) => task.project_id === project?.id)).toBe(true);

    const plumber = tasks.get('Call the plumber');
    // p1 is Todoist's highest; "tomorrow 9am" read by quick add in the row's TIMEZONE.
    expect(plumber).toMatchObject({
      priority: 'high',
      tags: ['phone'],
      description: 'About the leak under the sink',
      time_zone: 'Europe/Berlin',
    });
    const due = new Date(plumber?.due_at ?? '');
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      }).format(due),
    ).toBe('09:00');

    const plants = tasks.get('Water the plants');
    expect(plants?.repeat).toMatchObject({ frequency: 'weekly', weekdays: ['mo'] });
    expect(plants?.priority).toBe('medium'); // p4: Todoist's "no priority", our default
    expect(plants?.description).toBe('Note: Use the rain water first');

    // The section became a tag of its tasks; INDENT 2 a subtask; INDENT 3 a subtask too.
    const paint = tasks.get('Paint the walls');
    expect(paint).toMatchObject({ priority: 'medium', tags: ['diy', 'kitchen'], subtask_count: 2 });
    expect(tasks.get('Buy paint')).toMatchObject({
      parent_id: paint?.id,
      priority: 'low',
      description: 'Colour "Sea salt", 5 litres',
    });
    expect(tasks.get('Pick a brush')?.parent_id).toBe(paint?.id);

    // A date quick add does not read stays in the description, with a warning.
    expect(tasks.get('Fix the tap')).toMatchObject({
      due_at: null,
      description: 'Todoist date: when the plumber has time',
    });
    expect(summary.warnings).toEqual([
      { line: 15, message: expect.stringContaining('Sub-subtask') },
      { line: 17, message: expect.stringContaining('when the plumber has time') },
    ]);
  });

  it('creates nothing the second time, and only a new row once the file gains one', async () => {
    const userId = await newUser(t);
    await importFile(t, userId, FIXTURE, options);
    const before = await rowCounts(t, userId);
    const again = await importFile(t, userId, FIXTURE, options);
    expect(again.created).toEqual({ projects: 0, tasks: 0, subtasks: 0 });
    expect(again.skipped).toBe(7);
    expect(await rowCounts(t, userId)).toEqual(before);

    // A row inserted near the top shifts every line below it: the keys do not depend on lines.
    const lines = FIXTURE.split('\r\n');
    lines.splice(2, 0, 'task,Order new sponges,,4,1,Ada (41827395),,,,,,,,');
    const grown = await importFile(t, userId, lines.join('\r\n'), options);
    expect(grown.created).toEqual({ projects: 0, tasks: 1, subtasks: 0 });
    expect(
      grown.items.filter((item) => item.action === 'create').map((item) => item.title),
    ).toEqual(['Order new sponges']);
  });

  it('keeps two rows of the same title as two tasks', async () => {
    const userId = await newUser(t);
    const csv = [
      'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE',
      'task,Stretch,,4,1,,,,,',
      'task,Stretch,,4,1,,,,,',
    ].join('\n');
    const summary = await importFile(t, userId, csv, { source: 'todoist' });
    expect(summary.created.tasks).toBe(2);
    expect(summary.items[0]).toMatchObject({ kind: 'project', title: 'Todoist import' });
    expect((await importFile(t, userId, csv, { source: 'todoist' })).created.tasks).toBe(0);
  });
});
