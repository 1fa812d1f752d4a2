// Who may use /mcp and what they see, against the real stack: tokens (missing, unknown, expired,
// read-only), another person's tasks, DNS rebinding (Host and Origin), malformed calls, big bodies.
import type { Task, TaskList } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { post } from './support/frontend.js';
import { call, INITIALIZE, MCP_HEADERS } from './support/mcp-calls.js';
import { useMcpStack } from './support/mcp-stack.js';

const stack = useMcpStack();

/** POSTs to /mcp with node:http, which (unlike fetch) lets the test choose the Host header. */
const postMcp = (headers: Record<string, string>, body = INITIALIZE) =>
  post(stack().mcpUrl, body, { headers: { ...MCP_HEADERS, ...headers } });

async function taskOf(userId: string, title: string): Promise<Task> {
  const response = await stack().rest(userId, '/tasks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Task;
}

describe('tokens', () => {
  it('answers 401 pointing to the protected-resource metadata without a token or with a bad one', async () => {
    const metadata = `${stack().origin}/.well-known/oauth-protected-resource/mcp`;
    const expired = await stack().token(stack().ada, 'write', new Date(Date.now() - 1000));
    const answers = [
      await postMcp({}),
      await postMcp({ authorization: 'Bearer todo_pat_not-a-real-token' }),
      await postMcp({ authorization: `Bearer todo_pat_${'A'.repeat(43)}` }),
      await postMcp({ authorization: `Bearer ${expired}` }),
      await postMcp({ authorization: 'Basic YWRhOnNlY3JldA==' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toContain(`resource_metadata="${metadata}"`);
    }
    const get = await fetch(stack().mcpUrl);
    expect(get.status).toBe(401);
    expect(get.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('lets the SDK client fail to connect with a bad token', async () => {
    await expect(stack().connect(`todo_pat_${'B'.repeat(43)}`)).rejects.toThrow();
  });

  it('refuses every write tool for a read token, saying so, and changes nothing', async () => {
    const mine = await taskOf(stack().ada, 'Read-only check');
    const client = await stack().connect(await stack().token(stack().ada, 'read'));
    const found = await call(client, 'find_tasks', {});
    expect(found.isError).toBe(false);
    expect(found.text).toContain(`#${mine.id} [open] Read-only check`);
    const writes: [string, Record<string, unknown>][] = [
      ['add_tasks', { tasks: [{ title: 'Sneaky' }] }],
      ['update_task', { id: mine.id, title: 'Changed' }],
      ['complete_task', { id: mine.id }],
      ['reopen_task', { id: mine.id }],
      ['reschedule_task', { id: mine.id, when: 'tomorrow' }],
      ['delete_task', { id: mine.id }],
      ['add_project', { name: 'Sneaky' }],
    ];
    for (const [name, args] of writes) {
      const answer = await call(client, name, args);
      expect(answer.isError, name).toBe(true);
      expect(answer.text, name).toMatch(/can only read/);
    }
    expect(await stack().task(stack().ada, mine.id)).toEqual(mine);
    const list = (await (await stack().rest(stack().ada, '/tasks')).json()) as TaskList;
    expect(list.items.map((task) => task.title)).not.toContain('Sneaky');
  });
});

describe('another person’s tasks', () => {
  it('are invisible to every tool: not found, not listed, unchanged', async () => {
    const adas = await taskOf(stack().ada, 'Ada’s secret');
    const bob = await stack().connect(await stack().token(stack().bob, 'write'));
    for (const name of ['get_task', 'update_task', 'complete_task', 'delete_task']) {
      const args =
        name === 'update_task' ? { id: adas.id, title: 'Bob was here' } : { id: adas.id };
      const answer = await call(bob, name, args);
      expect(answer.isError, name).toBe(true);
      expect(answer.text, name).toMatch(new RegExp(`Task ${adas.id} was not found`));
    }
    const rescheduled = await call(bob, 'reschedule_task', { id: adas.id, when: 'tomorrow' });
    expect(rescheduled.isError).toBe(true);
    const found = await call(bob, 'find_tasks', { status: 'all', text: 'secret' });
    expect(found.text).toBe('No tasks match.');
    const overview = await call(bob, 'overview', {});
    expect(overview.text).not.toContain('secret');
    expect(await stack().task(stack().ada, adas.id)).toEqual(adas);
  });
});

describe('DNS rebinding', () => {
  it('refuses another Host with 403 before looking at the token', async () => {
    const port = new URL(stack().origin).port;
    for (const host of [`evil.example:${port}`, `localhost:${port}`, 'evil.example']) {
      const answer = await postMcp({ host });
      expect(answer.status, host).toBe(403);
    }
  });

  it('refuses a foreign Origin with 403, and accepts its own', async () => {
    const token = await stack().token(stack().ada, 'read');
    const authorization = `Bearer ${token}`;
    const foreign = await postMcp({ authorization, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await postMcp({ authorization, origin: stack().origin });
    expect(own.status).toBe(200);
  });
});

describe('malformed calls', () => {
  it('answers bad tool input with a tool error naming the field, not a protocol error', async () => {
    const client = await stack().connect(await stack().token(stack().ada, 'write'));
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['get_task', { id: 'twelve' }, /id/],
      ['get_task', {}, /id/],
      ['add_tasks', { tasks: [] }, /tasks/],
      ['add_tasks', { tasks: Array.from({ length: 51 }, () => ({ title: 'x' })) }, /tasks/],
      ['find_tasks', { due_before: 'next week' }, /due_before/],
      ['overview', { time_zone: 'Mars/Olympus' }, /time zone/i],
      ['no_such_tool', {}, /no_such_tool not found/],
    ];
    for (const [name, args, mentions] of cases) {
      const answer = await call(client, name, args);
      expect(answer.isError, `${name} ${JSON.stringify(args).slice(0, 40)}`).toBe(true);
      expect(answer.text).toMatch(mentions);
    }
    const list = (await (
      await stack().rest(stack().ada, '/tasks?status=all&limit=100')
    ).json()) as TaskList;
    expect(list.items.filter((task) => task.title === 'x')).toHaveLength(0);
  });

  it('answers 405 to GET and DELETE with a token: there is no session or stream', async () => {
    const authorization = `Bearer ${await stack().token(stack().ada, 'read')}`;
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(stack().mcpUrl, { method, headers: { authorization } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });

  it('refuses a body over 256 KiB with 413 and answers the next request', async () => {
    const authorization = `Bearer ${await stack().token(stack().ada, 'write')}`;
    const huge = JSON.stringify({ padding: 'x'.repeat(300 * 1024) });
    const answer = await postMcp({ authorization }, huge);
    expect(answer.status).toBe(413);
    expect((await postMcp({ authorization })).status).toBe(200);
  });
});
