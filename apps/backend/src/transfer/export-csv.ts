import type { ExportDocument, Reminder, Task } from '@todo/contract';

/**
 * The columns of the CSV export, one row per task: what a spreadsheet needs to read a task
 * without the JSON's ids (the project by name, the parent by id and title).
 */
const COLUMNS = [
  'id',
  'title',
  'description',
  'project',
  'parent_id',
  'parent_title',
  'completed',
  'completed_at',
  'priority',
  'tags',
  'due_at',
  'time_zone',
  'repeat_rrule',
  'repeat_from',
  'repeat_summary',
  'reminders',
  'created_at',
] as const;

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, and tab or
// carriage return, which some spreadsheets skip before looking for one.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 cell: formula starts defused with a leading ', quoted when it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function reminderText(reminder: Reminder): string {
  if (reminder.kind === 'before') return `${reminder.minutes_before} min before`;
  if (reminder.kind === 'at') return `at ${reminder.at}`;
  return 'at due';
}

function rowOf(task: Task, projectName: string, parent: Task | undefined): string[] {
  return [
    String(task.id),
    task.title,
    task.description ?? '',
    projectName,
    task.parent_id === null ? '' : String(task.parent_id),
    parent?.title ?? '',
    String(task.completed),
    task.completed_at ?? '',
    task.priority,
    task.tags.join(' '),
    task.due_at ?? '',
    task.time_zone,
    task.repeat?.rrule ?? '',
    task.repeat?.from ?? '',
    task.repeat?.summary ?? '',
    task.reminders.map(reminderText).join('; '),
    task.created_at,
  ];
}

/** The export as CSV (RFC 4180: CRLF line ends, a header row). */
export function exportCsv(document: ExportDocument): string {
  const projectNames = new Map(document.projects.map((project) => [project.id, project.name]));
  const byId = new Map(document.tasks.map((task) => [task.id, task]));
  const lines = [COLUMNS.join(',')];
  for (const task of document.tasks) {
    const parent = task.parent_id === null ? undefined : byId.get(task.parent_id);
    const cells = rowOf(task, projectNames.get(task.project_id) ?? '', parent);
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
