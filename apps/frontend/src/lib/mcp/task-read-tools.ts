import 'server-only';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ListTasksQuery } from '@todo/contract';
import { startOfZonedDay } from '@todo/schedule';
import { z } from 'zod';
import { describeTask, describeTasks, taskData } from '@/lib/mcp/format';
import { dateTime, projectId, taskId, timeZone } from '@/lib/mcp/input-schemas';
import type { ToolContext } from '@/lib/mcp/tool-context';
import { failureResult, toolResult } from '@/lib/mcp/tool-result';
import { describeReminder, reminderInputs } from '@/lib/tasks/reminders';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true } as const;

export function registerTaskReadTools(server: McpServer, { backend, userTimeZone }: ToolContext) {
  server.registerTool(
    'find_tasks',
    {
      title: 'Find tasks',
      description:
        'Lists the person’s tasks matching every filter given, soonest due first (tasks without ' +
        'a due date last). Each line starts with the task id (#12) to pass to other tools. ' +
        'Without filters: open tasks. For "what is due today" prefer overview.',
      inputSchema: {
        status: z
          .enum(['pending', 'completed', 'all'])
          .default('pending')
          .describe('pending (open, the default), completed or all'),
        project_id: projectId.optional().describe('Only tasks in this project (list_projects)'),
        tag: z.string().min(1).max(32).optional().describe('Only tasks with this tag, without "@"'),
        text: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('Words to look for in the title and description'),
        due_after: dateTime.optional().describe('Only tasks due at or after this date-time'),
        due_before: dateTime.optional().describe('Only tasks due before this date-time'),
        overdue: z.boolean().optional().describe('true: only open tasks already past due'),
        limit: z.number().int().min(1).max(100).default(20).describe('At most this many (1–100)'),
        offset: z.number().int().min(0).default(0).describe('Skip this many, to page on'),
      },
      annotations: READ_ONLY,
    },
    async (input) => {
      const query: ListTasksQuery = {
        status: input.status,
        sort: 'due',
        order: 'asc',
        limit: input.limit,
        offset: input.offset,
        ...(input.project_id ? { project: [input.project_id] } : {}),
        ...(input.tag ? { tag: [input.tag.replace(/^@/, '').toLowerCase()] } : {}),
        ...(input.text ? { q: input.text } : {}),
        ...(input.due_after ? { due_after: input.due_after } : {}),
        ...(input.due_before ? { due_before: input.due_before } : {}),
        ...(input.overdue ? { overdue: true } : {}),
      };
      const result = await backend.listTasks(query);
      if (!result.ok) return failureResult(result, 'The list');
      const { items, total, next_offset } = result.data;
      const more =
        next_offset === null ? '' : `\n(${total} in all; offset ${next_offset} for more)`;
      return toolResult(`${describeTasks(items, 'No tasks match.')}${more}`, {
        tasks: items.map(taskData),
        total,
        next_offset,
      });
    },
  );

  server.registerTool(
    'get_task',
    {
      title: 'Get a task',
      description:
        'One task in full: description, due date, repeat rule, reminders and its subtasks.',
      inputSchema: { id: taskId },
      annotations: READ_ONLY,
    },
    async ({ id }) => {
      const result = await backend.getTask(id);
      if (!result.ok) return failureResult(result, `Task ${id}`);
      const task = result.data;
      const subtasks = task.subtask_count
        ? await backend.listTasks({ parent: [id], sort: 'created', order: 'asc', limit: 100 })
        : null;
      const children = subtasks?.ok ? subtasks.data.items : [];
      const lines = [describeTask(task)];
      if (task.description) lines.push(`Description: ${task.description}`);
      const now = new Date();
      for (const reminder of reminderInputs(task.reminders)) {
        lines.push(`Reminder: ${describeReminder(reminder, now, task.time_zone)}`);
      }
      if (children.length > 0) lines.push('Subtasks:', describeTasks(children, ''));
      return toolResult(lines.join('\n'), {
        task: { ...taskData(task), reminders: task.reminders },
        subtasks: children.map(taskData),
      });
    },
  );

  server.registerTool(
    'overview',
    {
      title: 'Today and overdue',
      description:
        'What needs doing: open tasks due today and open tasks overdue from earlier days, in ' +
        'the person’s time zone. Start here for "what is on my plate".',
      inputSchema: { time_zone: timeZone.optional() },
      annotations: READ_ONLY,
    },
    async (input) => {
      const zone = input.time_zone ?? (await userTimeZone());
      const now = new Date();
      const today = startOfZonedDay(now, zone).toISOString();
      const tomorrow = startOfZonedDay(now, zone, 1).toISOString();
      const open = { status: 'pending', sort: 'due', order: 'asc', limit: 100 } as const;
      const [overdue, dueToday] = await Promise.all([
        backend.listTasks({ ...open, due_before: today }),
        backend.listTasks({ ...open, due_after: today, due_before: tomorrow }),
      ]);
      if (!overdue.ok) return failureResult(overdue, 'The list');
      if (!dueToday.ok) return failureResult(dueToday, 'The list');
      const text = [
        `Today (${zone}):`,
        describeTasks(dueToday.data.items, 'Nothing due today.'),
        'Overdue:',
        describeTasks(overdue.data.items, 'Nothing overdue.'),
      ].join('\n');
      return toolResult(text, {
        time_zone: zone,
        today: dueToday.data.items.map(taskData),
        overdue: overdue.data.items.map(taskData),
      });
    },
  );
}
