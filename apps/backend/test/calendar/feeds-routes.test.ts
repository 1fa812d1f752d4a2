import { createHash } from 'node:crypto';
import type { CalendarFeed, CreatedCalendarFeed } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, newUser } from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';
import { parseFeed } from './parse-feed.js';

let t: TestApp;
const feedsUrl = (user: string, rest = '') => `/api/${user}/calendar-feeds${rest}`;

async function makeFeed(user: string, projectId: number | null = null) {
  const response = await t.as(user, {
    method: 'POST',
    url: feedsUrl(user),
    payload: { project_id: projectId },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CreatedCalendarFeed>();
}

const listFeeds = async (user: string) =>
  (await t.as(user, { method: 'GET', url: feedsUrl(user) })).json<{ items: CalendarFeed[] }>()
    .items;

/** The public feed, as a calendar app fetches it: no Authorization header. */
const fetchFeed = (path: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: path, headers });

/** The titles of the feed's events (the feed must answer 200). */
async function titlesIn(path: string) {
  const response = await fetchFeed(path);
  expect(response.statusCode, response.body).toBe(200);
  return parseFeed(response.body)
    .events.map((event) => event.summary)
    .sort();
}

const due = '2027-03-01T09:00:00.000Z';

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('calendar feeds', () => {
  it('serves the open tasks with a due time as text/calendar, to anyone with the URL', async () => {
    const alice = await newUser(t);
    await t.createTask(alice, { title: 'Dentist', due_at: due, time_zone: 'Europe/Paris' });
    await t.createTask(alice, { title: 'No date' });
    const done = await t.createTask(alice, { title: 'Done already', due_at: due });
    await t.as(alice, { method: 'PATCH', url: `/api/${alice}/tasks/${done.id}/complete` });

    const feed = await makeFeed(alice);
    expect(feed).toEqual({
      id: expect.any(Number),
      project_id: null,
      project_name: null,
      created_at: expect.any(String),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      path: `/calendar/${feed.token}.ics`,
    });
    const response = await fetchFeed(feed.path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const { calendar, events } = parseFeed(response.body);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Todo');
    expect(events.map((event) => event.summary)).toEqual(['Dentist']);
    expect(events[0]?.startDate.toString()).toBe('2027-03-01T10:00:00');
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe(due);
  });

  it('lists feeds without their URLs, and stores only the token’s SHA-256', async () => {
    const alice = await newUser(t);
    const feed = await makeFeed(alice);
    const { token, path, ...listed } = feed;
    expect(await listFeeds(alice)).toEqual([listed]);
    const rows = await t.sql`select * from calendar_feeds where user_id = ${alice}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('never shows another user’s tasks', async () => {
    const alice = await newUser(t);
    const bob = await newUser(t);
    await t.createTask(alice, { title: 'Alice’s', due_at: due });
    await t.createTask(bob, { title: 'Bob’s', due_at: due });
    expect(await titlesIn((await makeFeed(alice)).path)).toEqual(['Alice’s']);
    expect(await titlesIn((await makeFeed(bob)).path)).toEqual(['Bob’s']);
  });

  it('a project’s feed shows only that project’s tasks, under its name', async () => {
    const alice = await newUser(t);
    const work = await createProject(t, alice, { name: 'Work' });
    await t.createTask(alice, { title: 'Report', due_at: due, project_id: work.id });
    await t.createTask(alice, { title: 'Groceries', due_at: due });
    const feed = await makeFeed(alice, work.id);
    expect(feed).toMatchObject({ project_id: work.id, project_name: 'Work' });
    const response = await fetchFeed(feed.path);
    const { calendar, events } = parseFeed(response.body);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Work');
    expect(events.map((event) => event.summary)).toEqual(['Report']);
    expect(await titlesIn((await makeFeed(alice)).path)).toEqual(['Groceries', 'Report']);
    expect((await listFeeds(alice)).map((listed) => listed.project_name)).toEqual([null, 'Work']);
  });

  it('refuses a project that is not the user’s, making nothing', async () => {
    const alice = await newUser(t);
    const bob = await newUser(t);
    const bobs = await createProject(t, bob, { name: 'Secret' });
    const response = await t.as(alice, {
      method: 'POST',
      url: feedsUrl(alice),
      payload: { project_id: bobs.id },
    });
    expectProblem(response, 404);
    expect(await listFeeds(alice)).toEqual([]);
  });

  it('regenerating gives a new URL and the old one answers 404', async () => {
    const alice = await newUser(t);
    await t.createTask(alice, { title: 'Dentist', due_at: due });
    const first = await makeFeed(alice);
    const second = await makeFeed(alice);
    expect(second.id).toBe(first.id);
    expect(second.token).not.toBe(first.token);
    expect(await listFeeds(alice)).toHaveLength(1);
    expectProblem(await fetchFeed(first.path), 404);
    expect(await titlesIn(second.path)).toEqual(['Dentist']);
  });

  it('deleting a feed makes its URL answer 404; only the owner can delete it', async () => {
    const alice = await newUser(t);
    const bob = await newUser(t);
    const feed = await makeFeed(alice);
    const byBob = await t.as(bob, { method: 'DELETE', url: feedsUrl(bob, `/${feed.id}`) });
    expectProblem(byBob, 404);
    expect((await fetchFeed(feed.path)).statusCode).toBe(200);
    const deleted = await t.as(alice, { method: 'DELETE', url: feedsUrl(alice, `/${feed.id}`) });
    expect(deleted.statusCode).toBe(204);
    expectProblem(await fetchFeed(feed.path), 404);
    expect(await listFeeds(alice)).toEqual([]);
  });

  it('answers every token that opens no feed with the same 404, naming no token', async () => {
    const unknown = 'A'.repeat(43);
    const answers = await Promise.all(
      [
        `/calendar/${unknown}.ics`,
        `/calendar/${unknown}`,
        '/calendar/short.ics',
        '/calendar/x',
      ].map((path) => fetchFeed(path)),
    );
    for (const answer of answers) {
      const problem = expectProblem(answer, 404);
      expect(problem.detail).toBe('No such calendar feed');
      expect(answer.body).not.toContain(unknown);
    }
  });

  it('answers 304 to a matching If-None-Match until a task changes', async () => {
    const alice = await newUser(t);
    const task = await t.createTask(alice, { title: 'Dentist', due_at: due });
    const feed = await makeFeed(alice);
    const etag = (await fetchFeed(feed.path)).headers.etag as string;
    const again = await fetchFeed(feed.path, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    await t.as(alice, {
      method: 'PATCH',
      url: `/api/${alice}/tasks/${task.id}`,
      payload: { title: 'Dentist at 10' },
    });
    const changed = await fetchFeed(feed.path, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('links events to the origin the frontend forwarded, else to the app URL', async () => {
    const alice = await newUser(t);
    const task = await t.createTask(alice, { title: 'Dentist', due_at: due });
    const feed = await makeFeed(alice);
    const forwarded = await fetchFeed(feed.path, {
      'x-forwarded-host': 'todo.example.com',
      'x-forwarded-proto': 'https',
    });
    const [event] = parseFeed(forwarded.body).events;
    expect(event?.uid).toBe(`task-${task.id}@todo.example.com`);
    expect(event?.component.getFirstPropertyValue('url')).toBe(
      `https://todo.example.com/tasks/${task.id}`,
    );
    const direct = parseFeed((await fetchFeed(feed.path, { 'x-forwarded-host': 'a b' })).body);
    expect(direct.events[0]?.component.getFirstPropertyValue('url')).toBe(
      `http://localhost:3000/tasks/${task.id}`,
    );
  });

  it('refuses a body without project_id', async () => {
    const alice = await newUser(t);
    const response = await t.as(alice, { method: 'POST', url: feedsUrl(alice), payload: {} });
    expect([400, 422]).toContain(response.statusCode);
    expect(await listFeeds(alice)).toEqual([]);
  });
});
