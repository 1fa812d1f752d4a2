import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SnoozeBody, TaskParams } from '@todo/contract';
import { versionsFrom } from '../../lib/if-match.js';
import { remindersAfterSnooze, snoozeUntil } from '../../notifications/snooze.js';
import type { WriteResult } from '../../repositories/tasks-repository.js';
import { conditionalErrorResponses, IfMatchHeaders, security, TaskWithEtag } from './responses.js';
import { sendVersioned } from './send-versioned.js';

// Without If-Match a snooze applies to the version it read; a write in between makes it read
// again, a few times, rather than drop the other write's reminders.
const ATTEMPTS = 3;

const snooze: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.tasksRepository;

  app.post(
    '/:id/snooze',
    {
      schema: {
        tags: ['tasks', 'notifications'],
        security,
        summary: 'Remind again later: adds an `at` reminder',
        description:
          '`{preset: "10m" | "1h" | "tomorrow"}` (tomorrow: 09:00 in the task’s time zone) or ' +
          '`{until}` (RFC 3339, in the future). Reminders at a time already past are dropped ' +
          'with it; the others stay. If-Match is honoured as for other task writes.',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: SnoozeBody,
        response: { 200: TaskWithEtag, ...conditionalErrorResponses },
      },
    },
    async (request, reply) => {
      const { userId } = request;
      const { id } = request.params;
      const asked = versionsFrom(request.headers);
      let result: WriteResult = null;
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        const task = await repo.get(userId, id);
        if (!task) break;
        const now = new Date();
        const at = snoozeUntil(request.body, now, task.time_zone);
        const reminders = remindersAfterSnooze(task.reminders, at, now);
        result = await repo.patch(userId, id, { reminders }, asked ?? [task.version]);
        if (result !== 'stale' || asked) break;
      }
      return sendVersioned(reply, result, 'task');
    },
  );
};

export default snooze;
