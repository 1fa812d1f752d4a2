import { getSession } from '@/lib/auth/session';
import { backendFor } from '@/lib/backend/client';
import { readCappedBody } from '@/lib/http/capped-body';
import { statusProblem } from '@/lib/http/problem-response';
import { isSameOrigin, NOTIFICATION_ACTIONS, parseActionRequest } from '@/lib/notifications/action';

const BODY_MAX_BYTES = 1024;

const problem = statusProblem;

/**
 * A notification's Complete or Snooze button, posted by the service worker with the session
 * cookie: completes the task or adds a snooze reminder through the backend.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return problem(403, 'Cross-site requests are refused.');
  const session = await getSession().catch(() => null);
  if (!session) return problem(401, 'Sign in to act on reminders.');
  const raw = request.body ? await readCappedBody(request.body, BODY_MAX_BYTES) : null;
  const parsed = raw
    ? parseActionRequest(
        await raw
          .text()
          .then(JSON.parse)
          .catch(() => null),
      )
    : null;
  if (!parsed) return problem(400, 'Expected {"action", "task_id"}.');

  const backend = backendFor(session.user.id);
  const preset = NOTIFICATION_ACTIONS[parsed.action];
  if (preset) {
    const snoozed = await backend.snoozeTask(parsed.taskId, { preset });
    return snoozed.ok
      ? new Response(null, { status: 204 })
      : problem(status(snoozed.reason), snoozed.message);
  }
  // The backend's complete toggles: a task already completed (another device) stays so.
  const task = await backend.getTask(parsed.taskId);
  if (!task.ok) return problem(status(task.reason), task.message);
  if (!task.data.completed) {
    const done = await backend.toggleComplete(parsed.taskId);
    if (!done.ok) return problem(status(done.reason), done.message);
  }
  return new Response(null, { status: 204 });
}

function status(reason: string): number {
  if (reason === 'not-found') return 404;
  if (reason === 'invalid') return 400;
  if (reason === 'unauthorized') return 401;
  return 503;
}
