// /mcp against the real stack with the SDK's own client: the tools it lists, and every tool
// called, its effect checked through the backend's REST API (tests/security/support/mcp-stack.ts).

import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Project, Task, TaskList } from '@todo/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, INITIALIZE, MCP_HEADERS } from './support/mcp-calls.js';
import { useMcpStack } from './support/mcp-stack.js';

const stack = useMcpStack();
let client: Client;

beforeAll(async () => {
  client = await stack().connect(await stack().token(stack().ada, 'write'));
});

const READ_TOOLS = ['find_tasks', 'get_task', 'overview', 'list_projects', 'list_tags'];
const WRITE_TOOLS = [
  'add_tasks',
  'update_task',
  'complete_task',
  'reopen_task',
  'reschedule_task',
  'delete_task',
  'add_project',
];

/** The wall-clock date and time of an instant in a zone, "2026-12-02 09:00". */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

async function adaTasks(query = ''): Promise<Task[]> {
  const response = await stack().rest(stack().ada, `/tasks?status=all&limit=100${query}`);
  return ((await response.json()) as TaskList).items;
}

describe('the server', () => {
  it('initializes without a session, naming itself and describing the app', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'todo' });
    expect(client.getInstructions()).toMatch(/task list/);
    const response = await fetch(stack().mcpUrl, {
      method: 'POST',
      headers: {
        ...MCP_HEADERS,
        authorization: `Bearer ${await stack().token(stack().ada, 'read')}`,
      },
      body: INITIALIZE,
    });
    expect(response.status).toBe(200);
    // Stateless: no session id, so the next request may go to any replica.
    expect(response.headers.get('mcp-session-id')).toBeNull();
  });

  it('lists every tool with a title, a description, an input schema and honest hints', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READ_TOOLS, ...WRITE_TOOLS].sort());
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length ?? 0, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(READ_TOOLS.includes(tool.name));
      expect(tool.annotations?.destructiveHint, tool.name).toBe(tool.name === 'delete_task');
    }
    const find = tools.find((tool) => tool.name === 'find_tasks');
    expect(Object.keys(find?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['status', 'project_id', 'tag', 'text', 'due_after', 'due_before']),
    );
    const add = tools.find((tool) => tool.name === 'add_tasks');
    expect(add?.inputSchema.required).toEqual(['tasks']);
  });
});

describe('the tools', () => {
  let home: Project;
  let rent: Task;
  let milk: Task;

  it('add_project creates a project, list_projects lists it after the Inbox', async () => {
    const added = await call(client, 'add_project', { name: 'Home', color: 'green' });
    expect(added.isError, added.text).toBe(false);
    home = (added.data.project as Project) ?? null;
    expect(added.text).toContain(`#${home.id} Home`);
    const projects = (await (await stack().rest(stack().ada, '/projects')).json()) as {
      items: Project[];
    };
    expect(projects.items.map((project) => project.name)).toEqual(['Inbox', 'Home']);

    const listed = await call(client, 'list_projects');
    expect(listed.text).toMatch(/^#\d+ Inbox \(Inbox\)/);
    expect(listed.text).toContain(`#${home.id} Home · 0 open`);
  });

  it('add_tasks creates a batch from quick-add lines and fields, and reports a bad item', async () => {
    const added = await call(client, 'add_tasks', {
      time_zone: 'Europe/Berlin',
      tasks: [
        { text: 'Pay rent tomorrow 9am p1 #home @bills !30m' },
        { title: 'Buy milk', priority: 'low', tags: ['errand'], description: '2 litres' },
        { text: 'Both', title: 'Both' },
        { text: 'Water plants #NoSuchProject' },
      ],
    });
    expect(added.isError, added.text).toBe(false);
    const created = added.data.created as Task[];
    expect(created).toHaveLength(2);
    expect(added.data.failed).toEqual([
      { index: 2, error: expect.stringMatching(/either text .* or title/) },
      { index: 3, error: expect.stringMatching(/NoSuchProject/i) },
    ]);
    const [rentId, milkId] = created.map((task) => task.id);
    expect(added.text).toContain(`Created #${rentId} [open] Pay rent`);

    rent = (await stack().task(stack().ada, rentId ?? 0)) as Task;
    expect(rent).toMatchObject({
      title: 'Pay rent',
      priority: 'high',
      tags: ['bills'],
      project_id: home.id,
      time_zone: 'Europe/Berlin',
    });
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    expect(wallClock(rent.due_at ?? '', 'Europe/Berlin')).toBe(
      `${wallClock(tomorrow.toISOString(), 'Europe/Berlin').slice(0, 10)} 09:00`,
    );
    milk = (await stack().task(stack().ada, milkId ?? 0)) as Task;
    expect(milk).toMatchObject({ title: 'Buy milk', priority: 'low', description: '2 litres' });
    expect(await adaTasks()).toHaveLength(2);
  });

  it('add_tasks answers a tool error when no item could be created', async () => {
    const added = await call(client, 'add_tasks', { tasks: [{ text: 'p1 @only-markers' }] });
    expect(added.isError).toBe(true);
    expect(added.text).toMatch(/not created/);
    expect(await adaTasks()).toHaveLength(2);
  });

  it('find_tasks filters by tag, text, project and due range', async () => {
    const byTag = await call(client, 'find_tasks', { tag: 'bills' });
    expect((byTag.data.tasks as Task[]).map((task) => task.id)).toEqual([rent.id]);
    expect(byTag.text).toContain(`#${rent.id} [open] Pay rent`);
    const byText = await call(client, 'find_tasks', { text: 'milk' });
    expect((byText.data.tasks as Task[]).map((task) => task.id)).toEqual([milk.id]);
    const byProject = await call(client, 'find_tasks', { project_id: home.id });
    expect((byProject.data.tasks as Task[]).map((task) => task.id)).toEqual([rent.id]);
    const due = new Date(rent.due_at ?? '').getTime();
    const inRange = await call(client, 'find_tasks', {
      due_after: new Date(due - 60_000).toISOString(),
      due_before: new Date(due + 60_000).toISOString(),
    });
    expect((inRange.data.tasks as Task[]).map((task) => task.id)).toEqual([rent.id]);
    const none = await call(client, 'find_tasks', { text: 'zebra' });
    expect(none).toMatchObject({ isError: false, text: 'No tasks match.' });
  });

  it('get_task answers the task in full', async () => {
    const got = await call(client, 'get_task', { id: milk.id });
    expect(got.isError).toBe(false);
    expect(got.text).toContain('Description: 2 litres');
    expect(got.data.task).toMatchObject({ id: milk.id, title: 'Buy milk', tags: ['errand'] });
    const withReminder = await call(client, 'get_task', { id: rent.id });
    expect(withReminder.text).toContain('Reminder: 30 min before');

    const sub = await call(client, 'add_tasks', {
      tasks: [{ title: 'Pick a brand', parent_id: milk.id }],
    });
    const [subtask] = sub.data.created as Task[];
    const parent = await call(client, 'get_task', { id: milk.id });
    expect(parent.text).toContain(`Subtasks:\n#${subtask?.id} [open] Pick a brand`);
    expect(parent.data.subtasks).toEqual([expect.objectContaining({ id: subtask?.id })]);
  });

  it('update_task changes the fields given and keeps the rest', async () => {
    const updated = await call(client, 'update_task', { id: milk.id, title: 'Buy oat milk' });
    expect(updated.isError, updated.text).toBe(false);
    expect(await stack().task(stack().ada, milk.id)).toMatchObject({
      title: 'Buy oat milk',
      priority: 'low',
      description: '2 litres',
    });
    const nothing = await call(client, 'update_task', { id: milk.id });
    expect(nothing).toMatchObject({ isError: true, text: expect.stringMatching(/at least one/) });
  });

  it('complete_task and reopen_task set the state, twice changes nothing', async () => {
    for (let round = 0; round < 2; round += 1) {
      expect((await call(client, 'complete_task', { id: milk.id })).isError).toBe(false);
      expect((await stack().task(stack().ada, milk.id))?.completed).toBe(true);
    }
    const reopened = await call(client, 'reopen_task', { id: milk.id });
    expect(reopened.text).toContain(`Reopened #${milk.id} [open]`);
    expect((await stack().task(stack().ada, milk.id))?.completed).toBe(false);
  });

  it('reschedule_task takes a date-time, a phrase in the person’s zone, or none', async () => {
    const exact = await call(client, 'reschedule_task', {
      id: milk.id,
      when: '2030-12-24T18:00:00+01:00',
    });
    expect(exact.isError, exact.text).toBe(false);
    expect((await stack().task(stack().ada, milk.id))?.due_at).toBe('2030-12-24T17:00:00.000Z');

    await call(client, 'reschedule_task', {
      id: milk.id,
      when: 'tomorrow 5pm',
      time_zone: 'America/New_York',
    });
    const moved = await stack().task(stack().ada, milk.id);
    expect(moved?.time_zone).toBe('America/New_York');
    expect(wallClock(moved?.due_at ?? '', 'America/New_York').slice(11)).toBe('17:00');

    const bad = await call(client, 'reschedule_task', { id: milk.id, when: 'whenever' });
    expect(bad).toMatchObject({ isError: true, text: expect.stringMatching(/RFC 3339/) });
    await call(client, 'reschedule_task', { id: milk.id, when: 'none' });
    expect((await stack().task(stack().ada, milk.id))?.due_at).toBeNull();
  });

  it('overview lists today’s and overdue open tasks apart', async () => {
    const zone = 'Europe/Berlin';
    const laterToday = new Date(Date.now() + 60_000);
    const sameDay =
      wallClock(laterToday.toISOString(), zone).slice(0, 10) ===
      wallClock(new Date().toISOString(), zone).slice(0, 10);
    const added = await call(client, 'add_tasks', {
      time_zone: zone,
      tasks: [
        { title: 'Late one', due_at: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString() },
        { title: 'Today one', due_at: laterToday.toISOString() },
      ],
    });
    const [late, today] = added.data.created as Task[];
    const overview = await call(client, 'overview', { time_zone: zone });
    expect(overview.isError).toBe(false);
    expect((overview.data.overdue as Task[]).map((task) => task.id)).toEqual([late?.id]);
    // A minute before midnight in Berlin, "later today" is tomorrow: nothing to check then.
    if (sameDay)
      expect((overview.data.today as Task[]).map((task) => task.id)).toEqual([today?.id]);
    expect(overview.text).toMatch(/^Today \(Europe\/Berlin\):/);
    expect(overview.text).toContain(`#${late?.id} [open] Late one`);
  });

  it('list_tags lists the tags with their counts', async () => {
    const tags = await call(client, 'list_tags');
    expect(tags.data.tags).toEqual(
      expect.arrayContaining([
        { tag: 'bills', count: 1 },
        { tag: 'errand', count: 1 },
      ]),
    );
    expect(tags.text).toContain('@bills (1)');
  });

  it('delete_task deletes the task, which the API then no longer has', async () => {
    const deleted = await call(client, 'delete_task', { id: rent.id });
    expect(deleted).toMatchObject({ isError: false, text: `Deleted #${rent.id} Pay rent` });
    expect(await stack().task(stack().ada, rent.id)).toBeNull();
    const again = await call(client, 'delete_task', { id: rent.id });
    expect(again).toMatchObject({ isError: true, text: expect.stringMatching(/not found/) });
  });
});
