import type { Project } from '@todo/contract';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, listProjects } from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let existing: Project;
let before: Project[];
const USER = 'picky';
const projectsUrl = `/api/${USER}/projects`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER);
  existing = await createProject(t, USER, { name: 'Untouched', color: 'green' });
  before = await listProjects(t, USER);
});
afterAll(async () => t?.close());

const send = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.as(USER, { method, url, payload: payload as Record<string, unknown> });
const raw = (method: 'POST' | 'PATCH', url: string, payload: string) =>
  t.as(USER, { method, url, headers: { 'content-type': 'application/json' }, payload });

/** Paths of the validation errors of a 422 answer, each once (a field may break two rules). */
function invalidPaths(response: LightMyRequestResponse): string[] {
  const problem = expectProblem(response, 422);
  expect(problem.title).toBe('Unprocessable Entity');
  expect(problem.errors?.length).toBeGreaterThan(0);
  for (const error of problem.errors ?? []) expect(error.message).toEqual(expect.any(String));
  return [...new Set((problem.errors ?? []).map((error) => error.path))];
}

const BAD_NAMES = [
  ['an empty name', ''],
  ['a blank name', ' \t '],
  ['a 61-character name', 'n'.repeat(61)],
  ['a name that is a number', 5],
  ['a null name', null],
  ['a NUL in the name', 'a\u0000b'],
] as const;

// Failures of the other fields, each with the path it must be reported at.
const BAD_FIELDS = [
  ['a colour outside the palette', { color: 'magenta' }, 'body/color'],
  ['a colour in capitals', { color: 'Red' }, 'body/color'],
  ['a hex colour', { color: '#ff0000' }, 'body/color'],
  ['a negative position', { position: -1 }, 'body/position'],
  ['a fractional position', { position: 1.5 }, 'body/position'],
  ['a position as text', { position: '1' }, 'body/position'],
  ['a huge position', { position: 10_001 }, 'body/position'],
  ['an unknown field', { colour: 'red' }, 'body/colour'],
  ['is_inbox, which no one sets', { is_inbox: true }, 'body/is_inbox'],
  ['open_count, which is counted', { open_count: 0 }, 'body/open_count'],
] as const;

describe('POST refuses', () => {
  it.each(BAD_NAMES)('%s', async (_label, name) => {
    expect(invalidPaths(await send('POST', projectsUrl, { name }))).toEqual(['body/name']);
  });

  it.each(BAD_FIELDS)('%s', async (_label, fields, path) => {
    expect(invalidPaths(await send('POST', projectsUrl, { name: 'x', ...fields }))).toEqual([path]);
  });

  it('a missing name, and an archived flag (a project starts active)', async () => {
    expect(invalidPaths(await send('POST', projectsUrl, {}))).toEqual(['body/name']);
    const archived = await send('POST', projectsUrl, { name: 'x', archived: true });
    expect(invalidPaths(archived)).toEqual(['body/archived']);
  });

  it('a lone UTF-16 surrogate, which could not be stored as sent', async () => {
    const response = await raw('POST', projectsUrl, '{"name":"broken \\ud800 pair"}');
    expect(invalidPaths(response)).toEqual(['body/name']);
    expect(expectProblem(response, 422).errors?.[0]?.message).toMatch(/unpaired surrogate/);
  });

  it('a position past the end, saying which positions there are', async () => {
    // The Inbox and one project: a new one goes at 1 or 2.
    const problem = expectProblem(await send('POST', projectsUrl, { name: 'x', position: 3 }), 422);
    expect(problem.detail).toBe(
      'position: must be from 1 to 2 (the Inbox stays at 0, and archived projects come after ' +
        'the active ones)',
    );
  });

  it('every problem at once', async () => {
    const paths = invalidPaths(
      await send('POST', projectsUrl, { name: '', color: 'magenta', position: -1, extra: 1 }),
    );
    expect(paths.sort()).toEqual(['body/color', 'body/extra', 'body/name', 'body/position']);
  });

  it('accepts a 60-character name, emoji and accents', async () => {
    for (const name of ['n'.repeat(60), 'Café ☕ — naïve 👩🏽‍💻']) {
      const project = await createProject(t, USER, { name });
      expect(project.name).toBe(name);
      await t.as(USER, { method: 'DELETE', url: `${projectsUrl}/${project.id}` });
    }
  });
});

describe('PATCH refuses', () => {
  const url = () => `${projectsUrl}/${existing.id}`;

  it.each(BAD_NAMES)('%s', async (_label, name) => {
    expect(invalidPaths(await send('PATCH', url(), { name }))).toEqual(['body/name']);
  });

  it.each(BAD_FIELDS)('%s', async (_label, fields, path) => {
    expect(invalidPaths(await send('PATCH', url(), fields))).toEqual([path]);
  });

  it('an empty body: there is nothing to change', async () => {
    expect(invalidPaths(await send('PATCH', url(), {}))).toEqual(['body']);
  });

  it('an archived flag that is not a boolean', async () => {
    expect(invalidPaths(await send('PATCH', url(), { archived: 'yes' }))).toEqual([
      'body/archived',
    ]);
  });

  it('a lone surrogate in a new name', async () => {
    expect(invalidPaths(await raw('PATCH', url(), '{"name":"\\udc00"}'))).toEqual(['body/name']);
  });

  it('a position past the active projects', async () => {
    const problem = expectProblem(await send('PATCH', url(), { position: 2 }), 422);
    expect(problem.detail).toMatch(/^position: must be from 1 to 1 /);
  });

  it.each(['"1', 'W/"1" junk', '1'])('a malformed If-Match %s, with 400', async (ifMatch) => {
    const response = await t.as(USER, {
      method: 'PATCH',
      url: url(),
      headers: { 'if-match': ifMatch },
      payload: { name: 'Changed' },
    });
    expect(expectProblem(response, 400).detail).toMatch(/^If-Match must be \*/);
  });
});

describe('ids and queries', () => {
  it.each([
    ['abc', 'params/id'],
    ['0', 'params/id'],
    ['-1', 'params/id'],
    ['1.5', 'params/id'],
    ['2147483648', 'params/id'],
  ])('refuses the project id %s', async (id, path) => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await t.as(USER, {
        method,
        url: `${projectsUrl}/${id}`,
        ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}),
      });
      expect(invalidPaths(response)).toContain(path);
    }
  });

  it.each([
    ['archived=maybe', 'querystring/archived'],
    ['archived=', 'querystring/archived'],
    ['sort=name', 'querystring/sort'],
  ])('refuses the list query %s', async (query, path) => {
    const response = await t.as(USER, { method: 'GET', url: `${projectsUrl}?${query}` });
    expect(invalidPaths(response)).toEqual([path]);
  });

  it.each([
    ['move_tasks_to=0', 'querystring/move_tasks_to'],
    ['move_tasks_to=abc', 'querystring/move_tasks_to'],
    ['move_tasks_to=2147483648', 'querystring/move_tasks_to'],
    ['cascade=true', 'querystring/cascade'],
  ])('refuses the delete query %s', async (query, path) => {
    const response = await t.as(USER, {
      method: 'DELETE',
      url: `${projectsUrl}/${existing.id}?${query}`,
    });
    expect(invalidPaths(response)).toEqual([path]);
  });
});

describe('after all of that', () => {
  it('the stored projects are as they were', async () => {
    expect(await listProjects(t, USER)).toEqual(before);
  });
});
