import type { Priority, Task } from '@todo/contract';
import Link from 'next/link';
import { DEFAULT_FILTERS, filtersHref } from '@/lib/tasks/filters';
import { describeDue } from '@/lib/tasks/format-due';
import { priorityLabel } from '@/lib/tasks/options';
import { CalendarIcon, RepeatIcon } from '../ui/icons';

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge badge-${priority}`}>
      <span className="visually-hidden">Priority: </span>
      {priorityLabel(priority)}
    </span>
  );
}

/** Priority, due date, repeat rule and tags of one task, in one wrapping row. */
export function TaskMeta({ task, now, timeZone }: { task: Task; now: Date; timeZone: string }) {
  const due = task.due_at ? describeDue(task.due_at, now, timeZone, task.completed) : null;
  return (
    <div className="task-meta">
      <PriorityBadge priority={task.priority} />
      {due ? (
        <span
          className={`meta-item due${due.overdue ? ' due-overdue' : due.soon ? ' due-soon' : ''}`}
          title={due.full}
        >
          <CalendarIcon />
          <time dateTime={task.due_at ?? undefined} suppressHydrationWarning>
            {due.overdue ? 'Overdue · ' : ''}
            {due.text}
          </time>
        </span>
      ) : null}
      {task.repeat ? (
        <span className="meta-item recurrence">
          <RepeatIcon />
          {task.repeat.summary}
        </span>
      ) : null}
      {task.tags.map((tag) => (
        <Link
          key={tag}
          href={filtersHref({ ...DEFAULT_FILTERS, tags: [tag] })}
          className="tag-link"
          aria-label={`Show tasks tagged ${tag}`}
        >
          #{tag}
        </Link>
      ))}
    </div>
  );
}
