import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TaskMeta } from '@/components/tasks/task-meta';
import { Banner } from '@/components/ui/banner';
import { requireSession } from '@/lib/auth/require-session';
import { backendFor } from '@/lib/backend/client';
import { describeDue } from '@/lib/tasks/format-due';
import { describeReminder, reminderInputs } from '@/lib/tasks/reminders';
import { userTimeZone } from '@/lib/time-zone/server';

export const metadata: Metadata = { title: 'Task' };

const ID = /^[1-9][0-9]{0,9}$/;

/**
 * One task, where a reminder's notification leads (its payload's url is /tasks/{id}): what it
 * is, when it is due, its reminders, and the way to its project to edit it.
 */
export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const session = await requireSession(ID.test(raw) ? `/tasks/${raw}` : '/');
  const id = ID.test(raw) ? Number(raw) : 0;
  if (id < 1 || id > 2_147_483_647) notFound();
  const [task, timeZone] = await Promise.all([
    backendFor(session.user.id).getTask(id),
    userTimeZone(),
  ]);
  if (!task.ok && task.reason === 'not-found') notFound();
  if (!task.ok) return <Banner title="This task could not be loaded">{task.message}</Banner>;
  const now = new Date();
  const inputs = reminderInputs(task.data.reminders);
  return (
    <article className="card task-page" aria-labelledby="task-title">
      <h1 id="task-title">
        {task.data.completed ? <span className="visually-hidden">Completed: </span> : null}
        {task.data.title}
      </h1>
      <TaskMeta task={task.data} now={now} timeZone={timeZone} />
      {task.data.description ? <p>{task.data.description}</p> : null}
      {inputs.length > 0 ? (
        <>
          <h2>Reminders</h2>
          <ul>
            {task.data.reminders.map((reminder, index) => {
              const input = inputs[index];
              if (!input) return null;
              return (
                <li key={reminder.id}>
                  {describeReminder(input, now, timeZone)}
                  {reminder.fire_at
                    ? ` — fires ${describeDue(reminder.fire_at, now, timeZone).text}`
                    : ' — will not fire'}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <p>
        <Link href={`/projects/${task.data.project_id}`}>Open its project to edit it</Link>
      </p>
    </article>
  );
}
