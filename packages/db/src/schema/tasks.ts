import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { projects } from './projects.js';

// Declared low → high so that ORDER BY priority sorts by importance.
export const priority = pgEnum('task_priority', ['low', 'medium', 'high']);
export const repeatFrom = pgEnum('task_repeat_from', ['due', 'completion']);

export const tasks = pgTable(
  'tasks',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text(),
    completed: boolean().notNull().default(false),
    completedAt: timestamp({ withTimezone: true }),
    priority: priority().notNull().default('medium'),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    dueAt: timestamp({ withTimezone: true }),
    /** The task's project; the Inbox unless another is chosen. */
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** A subtask's parent (one level, same project); deleting the parent deletes its subtasks. */
    parentId: integer().references((): AnyPgColumn => tasks.id, { onDelete: 'cascade' }),
    /** The repeat rule as an RFC 5545 RRULE value (FREQ=WEEKLY;BYDAY=MO,TH); null: no repeat. */
    rrule: text(),
    /** Whether the next date follows the rule from the due date or from the completion. */
    repeatFrom: repeatFrom().notNull().default('due'),
    /** IANA zone the due time and rule are counted in (9:00 stays 9:00 across DST). */
    timeZone: text().notNull().default('UTC'),
    /** This task's place in its series, 1 first: a rule with COUNT ends after that many. */
    occurrence: integer().notNull().default(1),
    /**
     * The due date a recurring series started from. Month steps count from it, so a series on
     * the 31st comes back to the 31st after a short month (Jan 31 → Feb 28 → Mar 31).
     */
    recurrenceAnchorAt: timestamp({ withTimezone: true }),
    /** The occurrence created when this recurring task was completed; guards against duplicates. */
    nextOccurrenceId: integer().references((): AnyPgColumn => tasks.id, { onDelete: 'set null' }),
    /** Goes up by one with every write: the API's ETag, so a stale edit is refused (412). */
    version: integer().notNull().default(1),
    /** Where an import took this task from ("todoist:<row>", "json:<id>"): importing twice adds nothing. */
    importKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('tasks_title_length', sql`char_length(${table.title}) between 1 and 200`),
    check(
      'tasks_description_length',
      sql`${table.description} is null or char_length(${table.description}) <= 1000`,
    ),
    check('tasks_tags_count', sql`cardinality(${table.tags}) <= 10`),
    check('tasks_rrule_length', sql`${table.rrule} is null or char_length(${table.rrule}) <= 200`),
    check('tasks_time_zone_length', sql`char_length(${table.timeZone}) between 1 and 64`),
    check(
      'tasks_not_own_parent',
      sql`${table.parentId} is null or ${table.parentId} <> ${table.id}`,
    ),
    index('tasks_project_completed_idx').on(table.projectId, table.completed),
    index('tasks_parent_idx').on(table.parentId),
    index('tasks_user_completed_due_idx').on(table.userId, table.completed, table.dueAt),
    index('tasks_user_created_idx').on(table.userId, table.createdAt),
    index('tasks_user_priority_idx').on(table.userId, table.priority),
    index('tasks_tags_gin_idx').using('gin', table.tags),
    uniqueIndex('tasks_user_import_key_idx').on(table.userId, table.importKey),
  ],
);
