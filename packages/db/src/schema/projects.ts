import { sql } from 'drizzle-orm';
import {
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

export const projectColor = pgEnum('project_color', [
  'grey',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
]);

export const projects = pgTable(
  'projects',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    color: projectColor().notNull().default('grey'),
    /** Order in the sidebar, 0 first; the Inbox stays at 0. */
    position: integer().notNull().default(0),
    /** Every user has exactly one Inbox (the partial unique index); it cannot be deleted. */
    isInbox: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    /** Goes up by one with every write, as tasks.version. */
    version: integer().notNull().default(1),
    /** Where an import took this project from: importing twice adds nothing. */
    importKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('projects_name_length', sql`char_length(${table.name}) between 1 and 60`),
    // "#home" in quick add must name one project: names are unique per user, ignoring case.
    uniqueIndex('projects_user_name_idx').on(table.userId, sql`lower(${table.name})`),
    uniqueIndex('projects_user_import_key_idx').on(table.userId, table.importKey),
    uniqueIndex('projects_user_inbox_idx').on(table.userId).where(sql`${table.isInbox}`),
    index('projects_user_position_idx').on(table.userId, table.position),
  ],
);
