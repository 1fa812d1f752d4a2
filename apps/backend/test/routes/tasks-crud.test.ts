import type { Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let t: TestApp;
const tasksUrl = (userId = 'alice') => `/api/${userId}/tasks`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'tagger');
});
afterAll(async () => t?.close());

describe('POST /api/:user_id/tasks', () => {
  it('answers 201 with the task and its defaults', async () => {
    const before = Date.now();
    const response = await t.as('alice', {
      method: 'POST',
      url: tasksUrl(),
      payload: { title: 'Buy milk' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const task = response.json<Task>();
    expect(task).toEqual({
      id: expect.any(Number),
      user_id: 'alice',
      title: 'Buy milk',
      description: null,
      completed: false,
      completed_at: null,
      priority: 'medium',
      tags: [],
      due_at: null,
      recurrence: 'none',
      reminders: [],
      repeat: null,
      time_zone: 'UTC',
      project_id: expect.any(Number),
      parent_id: null,
      subtask_count: 0,
      completed_subtask_count: 0,
      next_occurrence_id: null,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
      version: 1,
    });
    expect(Date.parse(task.created_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(task.updated_at).toBe(task.created_at);
  });

  it('stores every field given, normalising the tags', async () => {
    const task = await t.createTask('alice', {
      title: 'Pay rent',
      description: 'Transfer to the landlord',
      priority: 'high',
      tags: [' Home ', 'MONEY', 'home', 'money '],
      due_at: '2030-05-01T10:00:00+02:00',
      recurrence: 'monthly',
    });
    expect(task).toMatchObject({
      title: 'Pay rent',
      description: 'Transfer to the landlord',
      priority: 'high',
      tags: ['home', 'money'],
      due_at: '2030-05-01T08:00:00.000Z',
      recurrence: 'monthly',
      completed: false,
    });
    const [row] = await t.sql`select tags from tasks where id = ${task.id}`;
    expect(row?.tags).toEqual(['home', 'money']);
  });

  it('creates a task already completed, stamping completed_at', async () => {
    const task = await t.createTask('alice', { title: 'Done already', completed: true });
    expect(task.completed).toBe(true);
    expect(task.completed_at).toMatch(ISO);
  });
});

describe('GET /api/:user_id/tasks/:id', () => {
  it('answers the task as created', async () => {
    const created = await t.createTask('alice', { title: 'Read', tags: ['books'] });
    const response = await t.as('alice', { method: 'GET', url: `${tasksUrl()}/${created.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(created);
  });

  it('answers 404 problem for a missing id', async () => {
    const response = await t.as('alice', { method: 'GET', url: `${tasksUrl()}/999999` });
    expect(expectProblem(response, 404).detail).toBe('No such task');
  });
});

describe('PUT /api/:user_id/tasks/:id', () => {
  it('replaces the task: fields left out go back to their defaults', async () => {
    const created = await t.createTask('alice', {
      title: 'Old',
      description: 'old text',
      priority: 'high',
      tags: ['a', 'b'],
      due_at: '2030-01-01T00:00:00Z',
      recurrence: 'weekly',
    });
    const response = await t.as('alice', {
      method: 'PUT',
      url: `${tasksUrl()}/${created.id}`,
      payload: { title: 'New', tags: ['C'] },
    });
    expect(response.statusCode).toBe(200);
    const task = response.json<Task>();
    expect(task).toMatchObject({
      id: created.id,
      user_id: 'alice',
      title: 'New',
      description: null,
      priority: 'medium',
      tags: ['c'],
      due_at: null,
      recurrence: 'none',
      completed: false,
      completed_at: null,
      created_at: created.created_at,
    });
    expect(Date.parse(task.updated_at)).toBeGreaterThan(Date.parse(created.updated_at));
    const again = await t.as('alice', { method: 'GET', url: `${tasksUrl()}/${created.id}` });
    expect(again.json()).toEqual(task);
  });

  it('un-completes a completed task when completed is left out', async () => {
    const created = await t.createTask('alice', { title: 'Was done', completed: true });
    const response = await t.as('alice', {
      method: 'PUT',
      url: `${tasksUrl()}/${created.id}`,
      payload: { title: 'Was done' },
    });
    expect(response.json()).toMatchObject({ completed: false, completed_at: null });
  });

  it('requires a title, as create does', async () => {
    const created = await t.createTask('alice', { title: 'Keep me' });
    const response = await t.as('alice', {
      method: 'PUT',
      url: `${tasksUrl()}/${created.id}`,
      payload: { priority: 'low' },
    });
    expect(expectProblem(response, 422).errors).toContainEqual({
      path: 'body/title',
      message: 'is required',
    });
  });

  it('answers 404 for a missing id', async () => {
    const response = await t.as('alice', {
      method: 'PUT',
      url: `${tasksUrl()}/999999`,
      payload: { title: 'x' },
    });
    expectProblem(response, 404);
  });
});

describe('PATCH /api/:user_id/tasks/:id', () => {
  it('changes only the fields named', async () => {
    const created = await t.createTask('alice', {
      title: 'Partial',
      description: 'keep',
      priority: 'low',
      tags: ['x'],
      due_at: '2030-01-01T00:00:00Z',
    });
    const response = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}`,
      payload: { priority: 'high', tags: ['Y', ' y'] },
    });
    expect(response.statusCode).toBe(200);
    const task = response.json<Task>();
    expect(task).toEqual({
      ...created,
      priority: 'high',
      tags: ['y'],
      updated_at: expect.stringMatching(ISO),
      version: 2,
    });
    expect(Date.parse(task.updated_at)).toBeGreaterThan(Date.parse(created.updated_at));
  });

  it('clears description and due_at with null', async () => {
    const created = await t.createTask('alice', {
      title: 'Clear',
      description: 'text',
      due_at: '2030-01-01T00:00:00Z',
    });
    const response = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}`,
      payload: { description: null, due_at: null },
    });
    expect(response.json()).toMatchObject({ title: 'Clear', description: null, due_at: null });
  });

  it('sets and clears completed_at with completed', async () => {
    const created = await t.createTask('alice', { title: 'Patch complete' });
    const done = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}`,
      payload: { completed: true },
    });
    expect(done.json()).toMatchObject({
      completed: true,
      completed_at: expect.stringMatching(ISO),
    });
    const undone = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}`,
      payload: { completed: false },
    });
    expect(undone.json()).toMatchObject({ completed: false, completed_at: null });
  });

  it('keeps completed_at when a completed task is edited', async () => {
    const created = await t.createTask('alice', { title: 'Edit done', completed: true });
    const response = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}`,
      payload: { title: 'Edited', completed: true },
    });
    expect(response.json()).toMatchObject({ title: 'Edited', completed_at: created.completed_at });
  });

  it('refuses an empty patch', async () => {
    const created = await t.createTask('alice', { title: 'Empty patch' });
    const response = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}`,
      payload: {},
    });
    expectProblem(response, 422);
  });

  it('answers 404 for a missing id', async () => {
    const response = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/999999`,
      payload: { title: 'x' },
    });
    expectProblem(response, 404);
  });
});

describe('DELETE /api/:user_id/tasks/:id', () => {
  it('answers 204 with no body, then 404', async () => {
    const created = await t.createTask('alice', { title: 'Delete me' });
    const url = `${tasksUrl()}/${created.id}`;
    const response = await t.as('alice', { method: 'DELETE', url });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectProblem(await t.as('alice', { method: 'GET', url }), 404);
    expectProblem(await t.as('alice', { method: 'DELETE', url }), 404);
    const rows = await t.sql`select id from tasks where id = ${created.id}`;
    expect(rows).toHaveLength(0);
  });
});

describe('PATCH /api/:user_id/tasks/:id/complete', () => {
  it('toggles completion, setting and clearing completed_at', async () => {
    const created = await t.createTask('alice', { title: 'Toggle' });
    const url = `${tasksUrl()}/${created.id}/complete`;
    const done = await t.as('alice', { method: 'PATCH', url });
    expect(done.statusCode).toBe(200);
    const doneTask = done.json<Task>();
    expect(doneTask).toMatchObject({ id: created.id, completed: true });
    expect(Date.parse(doneTask.completed_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(created.created_at),
    );
    const undone = await t.as('alice', { method: 'PATCH', url });
    expect(undone.json()).toMatchObject({ id: created.id, completed: false, completed_at: null });
    const again = await t.as('alice', { method: 'PATCH', url });
    expect(again.json()).toMatchObject({
      completed: true,
      completed_at: expect.stringMatching(ISO),
    });
  });

  it('needs no body, and ignores an empty JSON object', async () => {
    const created = await t.createTask('alice', { title: 'Toggle with body' });
    const response = await t.as('alice', {
      method: 'PATCH',
      url: `${tasksUrl()}/${created.id}/complete`,
      payload: {},
    });
    expect(response.json()).toMatchObject({ completed: true });
  });

  it('answers 404 for a missing id', async () => {
    const response = await t.as('alice', { method: 'PATCH', url: `${tasksUrl()}/999999/complete` });
    expectProblem(response, 404);
  });
});

describe('GET /api/:user_id/tags', () => {
  it('lists the user’s tags with counts, most used first then by name', async () => {
    const tagsUrl = '/api/tagger/tags';
    const empty = await t.as('tagger', { method: 'GET', url: tagsUrl });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ items: [] });

    await t.createTask('tagger', { title: '1', tags: ['Work', 'urgent'] });
    await t.createTask('tagger', { title: '2', tags: ['work', 'home'] });
    await t.createTask('tagger', { title: '3', tags: [' WORK', 'Urgent'], completed: true });
    await t.createTask('tagger', { title: '4' });
    const response = await t.as('tagger', { method: 'GET', url: tagsUrl });
    expect(response.json()).toEqual({
      items: [
        { tag: 'work', count: 3 },
        { tag: 'urgent', count: 2 },
        { tag: 'home', count: 1 },
      ],
    });
  });

  it('drops a tag once no task carries it', async () => {
    const task = await t.createTask('tagger', { title: 'temp', tags: ['ephemeral'] });
    const before = await t.as('tagger', { method: 'GET', url: '/api/tagger/tags' });
    expect(before.json().items).toContainEqual({ tag: 'ephemeral', count: 1 });
    await t.as('tagger', { method: 'DELETE', url: `/api/tagger/tasks/${task.id}` });
    const after = await t.as('tagger', { method: 'GET', url: '/api/tagger/tags' });
    expect(after.json().items.map((item: { tag: string }) => item.tag)).not.toContain('ephemeral');
  });

  it('answers on the path with a trailing slash too', async () => {
    const response = await t.as('tagger', { method: 'GET', url: '/api/tagger/tags/' });
    expect(response.statusCode).toBe(200);
  });
});
