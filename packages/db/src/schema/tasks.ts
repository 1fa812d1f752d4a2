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
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';

// Declared low → high so that ORDER BY priority sorts by importance.
export const priority = pgEnum('task_priority', ['low', 'medium', 'high']);
export const recurrence = pgEnum('task_recurrence', [
  'none',
  'daily',
  'weekly',
  'monthly',
  'yearly',
]);

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
    recurrence: recurrence().notNull().default('none'),
    /**
     * The due date a recurring series started from. Month steps count from it, so a series on
     * the 31st comes back to the 31st after a short month (Jan 31 → Feb 28 → Mar 31).
     */
    recurrenceAnchorAt: timestamp({ withTimezone: true }),
    /** The occurrence created when this recurring task was completed; guards against duplicates. */
    nextOccurrenceId: integer().references((): AnyPgColumn => tasks.id, { onDelete: 'set null' }),
    /** Goes up by one with every write: the API's ETag, so a stale edit is refused (412). */
    version: integer().notNull().default(1),
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
    index('tasks_user_completed_due_idx').on(table.userId, table.completed, table.dueAt),
    index('tasks_user_created_idx').on(table.userId, table.createdAt),
    index('tasks_user_priority_idx').on(table.userId, table.priority),
    index('tasks_tags_gin_idx').using('gin', table.tags),
  ],
);
