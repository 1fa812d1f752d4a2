import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessTokenVerifier, type Task, TaskList } from '@todo/contract';
import Value from 'typebox/value';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '@/lib/backend/client';
import { projectFixture } from '../../support/project-fixture';
import { taskFixture } from '../../support/task-fixture';

const SECRET = 's'.repeat(40);
const USER = 'user/with odd?chars';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  ifMatch: string | undefined;
  body: string;
}
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let seen: Seen[];
let handler: Handler;

const task: Task = taskFixture({ id: 7, user_id: USER, tags: ['shopping'] });

function json(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
  response.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: request.headers.authorization,
        ifMatch: request.headers['if-match'],
        body,
      });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
  handler = (_request, response) => json(response, 200, task);
});

const client = (options: { timeoutMs?: number; base?: string } = {}) =>
  createBackendClient({
    baseUrl: options.base ?? baseUrl,
    secret: SECRET,
    userId: USER,
    timeoutMs: options.timeoutMs ?? 2000,
  });

describe('the backend client', () => {
  it('sends an HS256 token for the user with every call', async () => {
    await client().getTask(7);
    await client().getTask(7);
    const verify = createAccessTokenVerifier(SECRET);
    for (const call of seen) {
      expect(call.authorization).toMatch(/^Bearer /);
      await expect(verify(call.authorization?.slice(7) ?? '')).resolves.toMatchObject({
        userId: USER,
      });
    }
    const [, payload] = (seen[0]?.authorization ?? '').split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'todo-frontend', aud: 'todo-backend', sub: USER });
    expect(claims.exp - claims.iat).toBe(300);
  });

  it('carries the scope and id of a token’s credential, and none for the user’s own calls', async () => {
    const credential = { scope: 'read', credentialId: 'pat:12' } as const;
    await createBackendClient({ baseUrl, secret: SECRET, userId: USER, credential }).getTask(7);
    await client().getTask(7);
    const verify = createAccessTokenVerifier(SECRET);
    const [withCredential, own] = await Promise.all(
      seen.map((call) => verify(call.authorization?.slice(7) ?? '')),
    );
    expect(withCredential).toEqual({ userId: USER, scope: 'read', credentialId: 'pat:12' });
    expect(own).toEqual({ userId: USER, scope: 'write' });
  });

  it('builds each route under the user’s path, encoding the id', async () => {
    const api = client();
    const prefix = `/api/${encodeURIComponent(USER)}`;
    await api.getTask(7);
    await api.createTask({ title: 'x' });
    await api.updateTask(7, { title: 'y' });
    await api.toggleComplete(7);
    handler = (_request, response) => response.writeHead(204).end();
    await api.deleteTask(7);
    expect(seen.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET ${prefix}/tasks/7`,
      `POST ${prefix}/tasks`,
      `PATCH ${prefix}/tasks/7`,
      `PATCH ${prefix}/tasks/7/complete`,
      `DELETE ${prefix}/tasks/7`,
    ]);
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ title: 'x' });
  });

  it('builds the project routes, with If-Match and move_tasks_to when given', async () => {
    const api = client();
    const prefix = `/api/${encodeURIComponent(USER)}`;
    const home = projectFixture({ id: 5, name: 'Home', is_inbox: false, open_count: 2 });
    handler = (_request, response) => json(response, 200, { items: [home] });
    expect(await api.listProjects()).toEqual({ ok: true, data: { items: [home] } });
    await api.listProjects({ archived: true });
    handler = (_request, response) => json(response, 200, home);
    await api.getProject(5);
    await api.createProject({ name: 'Home', color: 'red' });
    await api.updateProject(5, { position: 2 }, 3);
    handler = (_request, response) => response.writeHead(204).end();
    expect(await api.deleteProject(5, { version: 4, moveTasksTo: 1 })).toEqual({
      ok: true,
      data: null,
    });
    await api.deleteProject(5);
    expect(seen.map((call) => `${call.method} ${call.url} ${call.ifMatch ?? '-'}`)).toEqual([
      `GET ${prefix}/projects -`,
      `GET ${prefix}/projects?archived=true -`,
      `GET ${prefix}/projects/5 -`,
      `POST ${prefix}/projects -`,
      `PATCH ${prefix}/projects/5 "3"`,
      `DELETE ${prefix}/projects/5?move_tasks_to=1 "4"`,
      `DELETE ${prefix}/projects/5 -`,
    ]);
    expect(JSON.parse(seen[3]?.body ?? '')).toEqual({ name: 'Home', color: 'red' });
  });

  it('shows the words of a project refusal (a duplicate name)', async () => {
    handler = (_request, response) =>
      json(
        response,
        409,
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'You already have “Home”' },
        'application/problem+json',
      );
    expect(await client().createProject({ name: 'home' })).toMatchObject({
      ok: false,
      reason: 'refused',
      message: 'You already have “Home”',
    });
  });

  it('does not trust a project list that breaks the contract', async () => {
    handler = (_request, response) => json(response, 200, { items: [{ id: 1, name: 'Inbox' }] });
    expect(await client().listProjects()).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('sends If-Match with the version an update was based on, and only then', async () => {
    await client().updateTask(7, { title: 'y' }, 4);
    await client().updateTask(7, { title: 'z' });
    expect(seen.map((call) => call.ifMatch)).toEqual(['"4"', undefined]);
  });

  it('sends If-Match with the version a delete was based on, and answers a 412 as a conflict', async () => {
    handler = (_request, response) =>
      json(
        response,
        412,
        { type: 'about:blank', title: 'Precondition Failed', status: 412 },
        'application/problem+json',
      );
    const stale = await client().deleteTask(7, 4);
    handler = (_request, response) => response.writeHead(204).end();
    await client().deleteTask(7);
    expect(seen.map((call) => call.ifMatch)).toEqual(['"4"', undefined]);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('sends list filters as a query string and checks the answer', async () => {
    handler = (_request, response) =>
      json(response, 200, { items: [task], total: 1, limit: 50, offset: 0, next_offset: null });
    const result = await client().listTasks({ status: 'pending', tag: ['a', 'b'], q: 'milk' });
    expect(result).toEqual({
      ok: true,
      data: { items: [task], total: 1, limit: 50, offset: 0, next_offset: null },
    });
    expect(seen[0]?.url).toBe(
      `/api/${encodeURIComponent(USER)}/tasks?status=pending&tag=a&tag=b&q=milk`,
    );
  });

  it('returns the problem details of a refusal, with field errors', async () => {
    handler = (_request, response) =>
      json(
        response,
        422,
        {
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          detail: 'The title is too long',
          errors: [{ path: '/title', message: 'must be at most 200 characters' }],
        },
        'application/problem+json',
      );
    expect(await client().createTask({ title: 'x' })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The title is too long',
      fieldErrors: [{ path: '/title', message: 'must be at most 200 characters' }],
    });
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [412, 'conflict'],
    [413, 'too-large'],
    [409, 'refused'],
  ])('maps %i to %s with a message for people', async (status, reason) => {
    handler = (_request, response) =>
      json(response, status, { type: 'about:blank', title: 'x', status });
    const result = await client().getTask(7);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? '' : result.message).not.toBe('');
  });

  it.each([500, 502, 503])('treats %i as the backend being unavailable', async (status) => {
    handler = (_request, response) =>
      json(response, status, { type: 'about:blank', title: 'x', status });
    expect(await client().listTags()).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('treats a refused connection as unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await client({ base: `http://127.0.0.1:${port}` }).listTags()).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('gives up after the timeout', async () => {
    handler = () => {};
    const started = Date.now();
    expect(await client({ timeoutMs: 200 }).getTask(7)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('does not trust an answer that breaks the contract', async () => {
    handler = (_request, response) => json(response, 200, { ...task, priority: 'urgent' });
    expect(await client().getTask(7)).toMatchObject({ ok: false, reason: 'unavailable' });
    handler = (_request, response) => response.writeHead(200).end('<html>');
    expect(await client().getTask(7)).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('checks a list field by field exactly as Value.Check does (compiled once)', async () => {
    const good = taskFixture({
      id: 8,
      tags: ['home'],
      due_at: '2025-06-02T09:00:00.000Z',
      reminders: [],
    });
    const wrongValues: unknown[] = [undefined, null, 'x', 12, -1.5, true, [], {}, ['x', 3]];
    const bodies: unknown[] = [];
    for (const key of Object.keys(good)) {
      for (const wrong of wrongValues) {
        bodies.push({
          items: [task, { ...good, [key]: wrong }],
          total: 2,
          limit: 50,
          offset: 0,
          next_offset: null,
        });
      }
    }
    bodies.push({ items: [task, { ...good, extra: 1 }], total: 2, limit: 50, offset: 0 });
    const verdicts = { accepted: 0, refused: 0 };
    for (const body of bodies) {
      handler = (_request, response) => json(response, 200, body);
      const result = await client().listTasks({});
      const expected = Value.Check(TaskList, JSON.parse(JSON.stringify(body)));
      expect({ body, ok: result.ok }).toEqual({ body, ok: expected });
      verdicts[expected ? 'accepted' : 'refused'] += 1;
    }
    // Both answers occur, so the comparison says something either way.
    expect(verdicts.accepted).toBeGreaterThan(5);
    expect(verdicts.refused).toBeGreaterThan(100);
  });

  it('never follows a redirect to another host', async () => {
    handler = (_request, response) =>
      response.writeHead(302, { location: 'http://evil.example/steal' }).end();
    expect(await client().getTask(7)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(seen).toHaveLength(1);
  });
});

describe('import and export', () => {
  const summary = {
    dry_run: true,
    created: { projects: 1, tasks: 1, subtasks: 0 },
    skipped: 0,
    items: [{ line: 2, kind: 'task', title: 'Sow', project: 'Garden', action: 'create' }],
    warnings: [],
  };

  it('sends the file itself as text/csv, with the source, dry run, project and zone', async () => {
    let contentType: string | undefined;
    handler = (request, response) => {
      contentType = request.headers['content-type'];
      json(response, 200, summary);
    };
    const csv = 'TYPE,CONTENT\ntask,Sow\n';
    const result = await client().importFile(csv, {
      source: 'todoist',
      dryRun: true,
      projectName: 'Garden',
      timeZone: 'Europe/Berlin',
    });
    expect(result).toEqual({ ok: true, data: summary });
    expect(contentType).toBe('text/csv');
    expect(seen[0]?.body).toBe(csv);
    expect(seen[0]?.url).toBe(
      `/api/${encodeURIComponent(USER)}/import?source=todoist&dry_run=true&project_name=Garden&time_zone=Europe%2FBerlin`,
    );
  });

  it('answers a refused file with its detail and each listed row', async () => {
    handler = (_request, response) =>
      json(
        response,
        422,
        {
          type: 'about:blank',
          title: 'Unprocessable Entity',
          status: 422,
          detail: '1 problem in the file (listed in errors): nothing was imported',
          errors: [{ path: 'line 4/title', message: 'must NOT have more than 200 characters' }],
        },
        'application/problem+json',
      );
    const result = await client().importFile('{}', { source: 'json', dryRun: false });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      message: '1 problem in the file (listed in errors): nothing was imported',
      fieldErrors: [{ path: 'line 4/title', message: 'must NOT have more than 200 characters' }],
    });
  });

  it('passes the export download on as the backend answered it', async () => {
    handler = (_request, response) =>
      response
        .writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="todo-export-2026-12-01.csv"',
        })
        .end('id,title\r\n');
    const answer = await client().exportAll('csv');
    expect(answer?.headers.get('content-disposition')).toMatch(/todo-export-2026-12-01\.csv/);
    expect(await answer?.text()).toBe('id,title\r\n');
    expect(seen[0]?.url).toBe(`/api/${encodeURIComponent(USER)}/export?format=csv`);
  });
});
