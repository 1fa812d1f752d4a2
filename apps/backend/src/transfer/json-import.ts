import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ImportDocument,
  type ImportWarning,
  type ReminderInput,
} from '@todo/contract';
import { refused } from '../lib/refused.js';
import { describeIssue } from '../plugins/problem-details.js';
import { compiledOnFirstCall, createAjv } from '../plugins/validation.js';
import {
  checkPlan,
  type ImportPlan,
  type PlannedProject,
  type PlannedTask,
} from './import-plan.js';

type Document = ImportDocument;
type FileTask = Document['tasks'][number];
type FileReminder = NonNullable<FileTask['reminders']>[number];

const checkDocument = compiledOnFirstCall(() =>
  createAjv({ coerceTypes: false }).compile(ImportDocument),
);

/** The reminder as the API takes it from the reminder as the export wrote it. */
function reminderInput(reminder: FileReminder): ReminderInput {
  if (reminder.kind === 'before') {
    return { kind: 'before', minutes_before: reminder.minutes_before ?? 0 };
  }
  if (reminder.kind === 'at') return { kind: 'at', at: reminder.at ?? '' };
  return { kind: 'due' };
}

/** Refuses what is not our export, or an export of a version this server does not read. */
function checkedDocument(body: unknown): Document {
  const head = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (head.format !== EXPORT_FORMAT) {
    throw refused(
      422,
      `This is not a file this app exported: its "format" must be "${EXPORT_FORMAT}" ` +
        '(for a Todoist file, choose Todoist CSV)',
    );
  }
  if (head.version !== EXPORT_VERSION) {
    throw refused(
      422,
      `The file is version ${JSON.stringify(head.version)}; this server reads version ` +
        `${EXPORT_VERSION}`,
    );
  }
  if (!checkDocument(body)) {
    const errors = (checkDocument.errors ?? []).map((issue) => describeIssue('', issue));
    throw refused(422, 'The file does not have the shape of an export', errors.slice(0, 50));
  }
  return body;
}

/**
 * What an exported document asks for. Each row's key is `json:<exporting user>:<id>`: importing
 * the file again finds the rows it made, and no id in the file ever names a row of the
 * database (another user's ids are only names here). A subtask whose parent is not in the
 * file, or is itself a subtask, comes in as a top-level task with a warning.
 */
export function planFromDocument(body: unknown): ImportPlan {
  const document = checkedDocument(body);
  const warnings: ImportWarning[] = [];
  const owner = document.projects[0]?.user_id ?? document.tasks[0]?.user_id ?? 'file';
  const keyOf = (id: number) => `json:${owner}:${id}`;
  const projects: PlannedProject[] = document.projects.map((project, index) => ({
    key: keyOf(project.id),
    name: project.name,
    color: project.color,
    archived: project.archived ?? false,
    isInbox: project.is_inbox ?? false,
    line: index,
  }));
  const projectIds = new Set(document.projects.map((project) => project.id));
  const byId = new Map(document.tasks.map((task) => [task.id, task]));
  const tasks = document.tasks.map((task, index): PlannedTask => {
    let parentKey: string | null = null;
    if (task.parent_id != null) {
      const parent = byId.get(task.parent_id);
      if (parent && parent.parent_id == null) parentKey = keyOf(parent.id);
      else {
        warnings.push({
          line: index,
          message: `“${task.title}”: its parent is not a top-level task of the file, so it comes in as a task`,
        });
      }
    }
    let projectKey: string | null = null;
    if (task.project_id !== undefined && projectIds.has(task.project_id)) {
      projectKey = keyOf(task.project_id);
    } else if (parentKey === null) {
      warnings.push({
        line: index,
        message: `“${task.title}”: no such project in the file, so it goes to the Inbox`,
      });
    }
    return {
      key: keyOf(task.id),
      line: index,
      path: `/tasks/${index}`,
      projectKey,
      parentKey,
      completedAt: task.completed ? task.completed_at : null,
      body: {
        title: task.title,
        ...(task.description !== undefined ? { description: task.description } : {}),
        ...(task.completed !== undefined ? { completed: task.completed } : {}),
        ...(task.priority ? { priority: task.priority } : {}),
        ...(task.tags ? { tags: task.tags } : {}),
        ...(task.due_at !== undefined ? { due_at: task.due_at } : {}),
        ...(task.repeat
          ? {
              repeat: {
                rrule: task.repeat.rrule,
                ...(task.repeat.from ? { from: task.repeat.from } : {}),
              },
            }
          : {}),
        ...(task.time_zone ? { time_zone: task.time_zone } : {}),
        reminders: (task.reminders ?? []).map(reminderInput),
      },
    };
  });
  return checkPlan({ projects, tasks, warnings });
}
