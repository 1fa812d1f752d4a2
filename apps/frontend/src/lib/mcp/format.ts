import type { Project, Task } from '@todo/contract';
import { describeDue } from '@/lib/tasks/format-due';

/** One line per task: its id first, so a model can pass it to the next tool. */
export function describeTask(task: Task, now: Date = new Date()): string {
  const parts = [`#${task.id} ${task.completed ? '[done]' : '[open]'} ${task.title}`];
  if (task.due_at) {
    const due = describeDue(task.due_at, now, task.time_zone, task.completed);
    parts.push(`due ${due.full} (${task.time_zone})${due.overdue ? ', overdue' : ''}`);
  }
  if (task.priority !== 'medium') parts.push(`${task.priority} priority`);
  if (task.repeat) parts.push(`repeats (${task.repeat.rrule})`);
  if (task.tags.length > 0) parts.push(`tags ${task.tags.map((tag) => `@${tag}`).join(' ')}`);
  parts.push(`project ${task.project_id}`);
  if (task.parent_id !== null) parts.push(`subtask of #${task.parent_id}`);
  if (task.subtask_count > 0) {
    parts.push(`${task.completed_subtask_count}/${task.subtask_count} subtasks done`);
  }
  return parts.join(' · ');
}

/** The fields a model needs of a task, without the bookkeeping (versions, reminders' ids). */
export function taskData(task: Task) {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    completed: task.completed,
    due_at: task.due_at,
    time_zone: task.time_zone,
    priority: task.priority,
    tags: task.tags,
    project_id: task.project_id,
    parent_id: task.parent_id,
    repeat: task.repeat?.rrule ?? null,
  };
}

export function describeTasks(tasks: Task[], empty: string): string {
  if (tasks.length === 0) return empty;
  const now = new Date();
  return tasks.map((task) => describeTask(task, now)).join('\n');
}

export function describeProject(project: Project): string {
  const marks = [project.is_inbox ? 'Inbox' : null, project.archived ? 'archived' : null];
  const note = marks.filter(Boolean).join(', ');
  return `#${project.id} ${project.name}${note ? ` (${note})` : ''} · ${project.open_count} open`;
}

export function projectData(project: Project) {
  return {
    id: project.id,
    name: project.name,
    color: project.color,
    is_inbox: project.is_inbox,
    archived: project.archived,
    open_count: project.open_count,
  };
}
