import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/transfer/export-csv.js';
import { createProject, newUser } from '../helpers/projects.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('the CSV export', () => {
  it('is one row per task under a header, RFC 4180 quoted, as a download', async () => {
    const userId = await newUser(t);
    const project = await createProject(t, userId, { name: 'Work, mostly' });
    const parent = await t.createTask(userId, {
      title: 'Report "Q4"',
      description: 'Line one\nLine two, with a comma',
      project_id: project.id,
      tags: ['office', 'urgent'],
      due_at: '2030-03-01T09:00:00.000Z',
      time_zone: 'Europe/Paris',
      repeat: { rrule: 'FREQ=WEEKLY;BYDAY=MO' },
      reminders: [{ kind: 'before', minutes_before: 30 }],
    });
    await t.createTask(userId, { title: 'Charts', parent_id: parent.id });

    const response = await t.as(userId, { method: 'GET', url: `/api/${userId}/export?format=csv` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.body.endsWith('\r\n')).toBe(true);
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      title: 'Report "Q4"',
      description: 'Line one\nLine two, with a comma',
      project: 'Work, mostly',
      parent_id: '',
      tags: 'office urgent',
      due_at: '2030-03-01T09:00:00.000Z',
      time_zone: 'Europe/Paris',
      repeat_rrule: 'FREQ=WEEKLY;BYDAY=MO',
      repeat_from: 'due',
      reminders: '30 min before',
    });
    expect(rows[1]).toMatchObject({
      title: 'Charts',
      project: 'Work, mostly',
      parent_id: String(parent.id),
      parent_title: 'Report "Q4"',
    });
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    const userId = await newUser(t);
    const titles = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)'];
    for (const title of titles) await t.createTask(userId, { title });
    await t.createTask(userId, { title: 'Plain', description: '=1+1' });
    const response = await t.as(userId, { method: 'GET', url: `/api/${userId}/export?format=csv` });
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.title)).toEqual([...titles.map((title) => `'${title}`), 'Plain']);
    expect(rows[4]?.description).toBe("'=1+1");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('safe')).toBe('safe');
  });

  it('is empty but for the header when there are no tasks', async () => {
    const userId = await newUser(t);
    const response = await t.as(userId, { method: 'GET', url: `/api/${userId}/export?format=csv` });
    expect(response.body.split('\r\n')[0]).toMatch(/^id,title,description,project,parent_id,/);
    expect(response.body.split('\r\n')).toHaveLength(2);
  });
});
