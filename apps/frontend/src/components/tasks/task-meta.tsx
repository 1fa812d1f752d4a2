import type { Priority, Project } from '@todo/contract';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DEFAULT_FILTERS, filtersHref } from '@/lib/tasks/filters';
import { describeDue } from '@/lib/tasks/format-due';
import { priorityLabel } from '@/lib/tasks/options';
import type { RowTask } from '@/lib/tasks/row-task';
import { ProjectDot } from '../projects/project-dot';
import { BellIcon, CalendarIcon, RepeatIcon } from '../ui/icons';

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge badge-${priority}`}>
      <span className="visually-hidden">Priority: </span>
      {priorityLabel(priority)}
    </span>
  );
}

/** A bell with the number of reminders; the next fire time (the server's) in words. */
function ReminderBell({ task, now, timeZone }: { task: RowTask; now: Date; timeZone: string }) {
  // Listed soonest first by the backend; a reminder that will not fire has no fire_at.
  const next = task.reminders.find((reminder) => reminder.fire_at !== null)?.fire_at;
  const count = task.reminders.length;
  const label = `${count} reminder${count === 1 ? '' : 's'}, ${
    next ? `next ${describeDue(next, now, timeZone).text}` : 'none to come'
  }`;
  return (
    <span className="meta-item task-reminders" title={label}>
      <BellIcon />
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden" suppressHydrationWarning>
        {label}
      </span>
    </span>
  );
}

/**
 * Priority, subtask progress (children), due date, repeat rule, reminders, project (where the view mixes
 * projects) and tags of one task, in one wrapping row.
 */
export function TaskMeta({
  task,
  now,
  timeZone,
  project,
  children,
}: {
  task: RowTask;
  now: Date;
  timeZone: string;
  project?: Pick<Project, 'name' | 'color'> | undefined;
  children?: ReactNode;
}) {
  const due = task.due_at ? describeDue(task.due_at, now, timeZone, task.completed) : null;
  return (
    <div className="task-meta">
      <PriorityBadge priority={task.priority} />
      {children}
      {due ? (
        <span
          className={`meta-item due${due.overdue ? ' due-overdue' : due.soon ? ' due-soon' : ''}`}
        >
          <CalendarIcon />
          <time dateTime={task.due_at ?? undefined} suppressHydrationWarning>
            {due.overdue ? `Overdue · ${due.text}` : due.text}
          </time>
        </span>
      ) : null}
      {task.repeat ? (
        <span className="meta-item recurrence">
          <RepeatIcon />
          {task.repeat.summary}
        </span>
      ) : null}
      {task.reminders.length > 0 ? (
        <ReminderBell task={task} now={now} timeZone={timeZone} />
      ) : null}
      {project ? (
        <span className="meta-item task-project">
          <ProjectDot color={project.color} />
          <span className="visually-hidden">Project: </span>
          {project.name}
        </span>
      ) : null}
      {task.tags.map((tag) => (
        <Link
          key={tag}
          href={filtersHref({ ...DEFAULT_FILTERS, tags: [tag] })}
          className="tag-link"
          aria-label={`Show tasks tagged ${tag}`}
        >
          {`#${tag}`}
        </Link>
      ))}
    </div>
  );
}
