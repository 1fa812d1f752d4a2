import {
  type ImportWarning,
  type ProjectColor,
  TRANSFER_LIMITS,
  UpdateTaskBody,
} from '@todo/contract';
import { type RefusedItem, refused } from '../lib/refused.js';
import { checkReminders } from '../notifications/reminder-schedule.js';
import { describeIssue } from '../plugins/problem-details.js';
import { compiledOnFirstCall, createAjv } from '../plugins/validation.js';
import { replacementValues } from '../repositories/task-values.js';

/** A project a file names. The key is its import_key: importing the file again finds it. */
export interface PlannedProject {
  key: string;
  name: string;
  color?: ProjectColor | undefined;
  archived: boolean;
  /** The file's Inbox: its tasks go to the user's own Inbox. */
  isInbox: boolean;
  line: number | null;
}

/** A task a file names, as the API would take it, plus where it goes by the file's keys. */
export interface PlannedTask {
  key: string;
  line: number | null;
  /** Where the error list points: "line 7" of a CSV, "/tasks/3" of a JSON file. */
  path: string;
  /** null: the Inbox. */
  projectKey: string | null;
  /** null: a top-level task. */
  parentKey: string | null;
  /** Without project_id and parent_id: the import decides them from the keys. */
  body: UpdateTaskBody;
  completedAt?: string | null | undefined;
}

/** Everything a file asks for, checked, before anything is written. */
export interface ImportPlan {
  projects: PlannedProject[];
  tasks: PlannedTask[];
  warnings: ImportWarning[];
}

// Beyond a page of them, the rest of a bad file's errors say nothing new.
const ERRORS_LISTED = 50;
const checkBody = compiledOnFirstCall(() =>
  createAjv({ coerceTypes: false }).compile(UpdateTaskBody),
);

/** The rules a task must pass to be stored: the API's schema, repeat rule, zone and reminders. */
function taskProblems(task: PlannedTask): RefusedItem[] {
  if (!checkBody(task.body)) {
    return (checkBody.errors ?? []).map((issue) => describeIssue(task.path, issue));
  }
  try {
    const values = replacementValues(task.body);
    checkReminders(task.body.reminders ?? [], values.dueAt ?? null);
    return [];
  } catch (error) {
    if (error instanceof Error && 'statusCode' in error) {
      return [{ path: task.path, message: error.message }];
    }
    throw error;
  }
}

/**
 * Refuses the whole file when any task of it could not be stored, listing each problem with its
 * line, so nothing is half imported; also past the most tasks one import takes.
 */
export function checkPlan(plan: ImportPlan): ImportPlan {
  if (plan.tasks.length > TRANSFER_LIMITS.tasksMax) {
    throw refused(
      422,
      `The file has ${plan.tasks.length} tasks; one import takes at most ` +
        `${TRANSFER_LIMITS.tasksMax}: split it, nothing was imported`,
    );
  }
  const problems = plan.tasks.flatMap(taskProblems);
  if (problems.length > 0) {
    throw refused(
      422,
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the file (listed in ` +
        'errors): nothing was imported',
      problems.slice(0, ERRORS_LISTED),
    );
  }
  return plan;
}
