import 'server-only';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CreateTaskBody, PatchTaskBody, Task } from '@todo/contract';
import { z } from 'zod';
import type { BackendResult } from '@/lib/backend/result';
import { describeTask, taskData } from '@/lib/mcp/format';
import {
  dateTime,
  description,
  priority,
  projectId,
  tags,
  taskId,
  timeZone,
  title,
} from '@/lib/mcp/input-schemas';
import type { ToolContext } from '@/lib/mcp/tool-context';
import {
  failureMessage,
  failureResult,
  refuseReadOnly,
  toolError,
  toolResult,
} from '@/lib/mcp/tool-result';
import { parseWhen } from '@/lib/mcp/when';

const WRITE = { readOnlyHint: false, destructiveHint: false } as const;

const newTask = z.object({
  text: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe(
      'The task in one line, read by quick add: "Pay rent tomorrow 9am every month p1 #Home ' +
        '@bills" (date and time, "every …" repeat, p1/p2/p3 priority, #Project by name, @tag, ' +
        '!30m reminder). Either text or title.',
    ),
  title: title.optional().describe('The title, taken as it is. Either text or title.'),
  description: description.optional(),
  priority: priority.optional(),
  due_at: dateTime.optional().describe('Due date-time (RFC 3339 with offset)'),
  tags: tags.optional(),
  project_id: projectId.optional(),
  parent_id: taskId.optional().describe('Makes it a subtask of this task'),
});

export function registerTaskWriteTools(server: McpServer, context: ToolContext) {
  const { backend, scope, userTimeZone } = context;

  server.registerTool(
    'add_tasks',
    {
      title: 'Add tasks',
      description:
        'Creates 1–50 tasks in one call, in order. Give each a quick-add line (`text`) or ' +
        'fields (`title` …); fields given beside `text` win over what it says. Dates in text ' +
        'are read in the person’s time zone. Answers each new task’s id, or why an item failed ' +
        '(the others are still created: do not send those again).',
      inputSchema: {
        tasks: z.array(newTask).min(1).max(50).describe('The tasks to create (1–50)'),
        time_zone: timeZone.optional(),
      },
      annotations: { ...WRITE, idempotentHint: false },
    },
    async (input) => {
      const refusal = refuseReadOnly(scope);
      if (refusal) return refusal;
      const zone = input.time_zone ?? (await userTimeZone());
      const lines: string[] = [];
      const created: ReturnType<typeof taskData>[] = [];
      const failed: { index: number; error: string }[] = [];
      // One after another: the tasks keep the order given, and the backend its per-user pace.
      for (const [index, item] of input.tasks.entries()) {
        const body = createBody(item, zone);
        const result = typeof body === 'string' ? body : await backend.createTask(body);
        if (typeof result !== 'string' && result.ok) {
          created.push(taskData(result.data));
          lines.push(`Created ${describeTask(result.data)}`);
          continue;
        }
        const error =
          typeof result === 'string' ? result : failureMessage(result, `Item ${index + 1}`);
        failed.push({ index, error });
        lines.push(`Item ${index + 1} not created: ${error}`);
      }
      const answer = toolResult(lines.join('\n'), { created, failed });
      return created.length === 0 ? { ...answer, isError: true } : answer;
    },
  );

  server.registerTool(
    'update_task',
    {
      title: 'Update a task',
      description:
        'Changes the fields given and leaves the rest. To move a due date use reschedule_task; ' +
        'to complete or reopen, complete_task and reopen_task.',
      inputSchema: {
        id: taskId,
        title: title.optional(),
        description: description.optional(),
        priority: priority.optional(),
        tags: tags.optional().describe('The new full list of tags (replaces the old)'),
        project_id: projectId.optional().describe('Moves the task to this project'),
      },
      annotations: { ...WRITE, idempotentHint: true },
    },
    async ({ id, ...fields }) => {
      const refusal = refuseReadOnly(scope);
      if (refusal) return refusal;
      const changes = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      ) as PatchTaskBody;
      if (Object.keys(changes).length === 0) {
        return toolError('Name at least one field to change: title, description, priority, …');
      }
      return changed(await backend.updateTask(id, changes), id, 'Updated');
    },
  );

  for (const [name, completed] of [
    ['complete_task', true],
    ['reopen_task', false],
  ] as const) {
    server.registerTool(
      name,
      {
        title: completed ? 'Complete a task' : 'Reopen a task',
        description: completed
          ? 'Marks a task done. A repeating task gets its next occurrence (a new id, answered). ' +
            'Completing a done task changes nothing.'
          : 'Marks a done task open again. Reopening an open task changes nothing.',
        inputSchema: { id: taskId },
        annotations: { ...WRITE, idempotentHint: true },
      },
      async ({ id }) => {
        const refusal = refuseReadOnly(scope);
        if (refusal) return refusal;
        const result = await backend.updateTask(id, { completed });
        return changed(result, id, completed ? 'Completed' : 'Reopened');
      },
    );
  }

  server.registerTool(
    'reschedule_task',
    {
      title: 'Reschedule a task',
      description:
        'Sets a task’s due date: an RFC 3339 date-time, a phrase ("tomorrow 9am", "next fri", ' +
        '"in 3 days", "Dec 24 18:00") read in the person’s time zone, or "none" to remove it.',
      inputSchema: {
        id: taskId,
        when: z.string().min(1).max(100).describe('The new due date, or "none"'),
        time_zone: timeZone.optional(),
      },
      annotations: { ...WRITE, idempotentHint: true },
    },
    async ({ id, when, time_zone }) => {
      const refusal = refuseReadOnly(scope);
      if (refusal) return refusal;
      const zone = time_zone ?? (await userTimeZone());
      const due = parseWhen(when, new Date(), zone);
      if (!due.ok) return toolError(due.message);
      const body = due.dueAt === null ? { due_at: null } : { due_at: due.dueAt, time_zone: zone };
      return changed(await backend.updateTask(id, body), id, 'Rescheduled');
    },
  );

  server.registerTool(
    'delete_task',
    {
      title: 'Delete a task',
      description:
        'Deletes a task and its subtasks for good; there is no undo. Prefer complete_task for ' +
        'work that is done. Confirm with the person first.',
      inputSchema: { id: taskId },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    },
    async ({ id }) => {
      const refusal = refuseReadOnly(scope);
      if (refusal) return refusal;
      const task = await backend.getTask(id);
      if (!task.ok) return failureResult(task, `Task ${id}`);
      const result = await backend.deleteTask(id);
      if (!result.ok) return failureResult(result, `Task ${id}`);
      return toolResult(`Deleted #${id} ${task.data.title}`, { deleted: taskData(task.data) });
    },
  );
}

/** The body of one add_tasks item, or why it cannot be sent. */
function createBody(
  { text, title, ...fields }: z.infer<typeof newTask>,
  timeZone: string,
): CreateTaskBody | string {
  if (text !== undefined && title === undefined) return { text, ...fields, time_zone: timeZone };
  if (title !== undefined && text === undefined) return { title, ...fields, time_zone: timeZone };
  return 'Give either text (a quick-add line) or title, not both or neither.';
}

/** The answer to a change of one task; a completed repeating task names its next occurrence. */
function changed(result: BackendResult<Task>, id: number, verb: string) {
  if (!result.ok) return failureResult(result, `Task ${id}`);
  const task = result.data;
  const next =
    task.completed && task.next_occurrence_id !== null
      ? `\nNext occurrence: #${task.next_occurrence_id}`
      : '';
  return toolResult(`${verb} ${describeTask(task)}${next}`, { task: taskData(task) });
}
