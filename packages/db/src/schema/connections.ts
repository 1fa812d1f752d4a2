import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { projects } from './projects.js';

/**
 * Issue 12: what connects the app to everything else. Personal access tokens, calendar feeds,
 * webhooks, and the change log that live updates and webhooks both read.
 */

export const tokenScope = pgEnum('token_scope', ['read', 'write']);

/** A personal access token. The token is shown once; only its SHA-256 is kept. */
export const personalAccessTokens = pgTable(
  'personal_access_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    scope: tokenScope().notNull(),
    /** SHA-256 of the whole token, lowercase hex. */
    tokenHash: text().notNull().unique(),
    /** The token's last four characters, shown in the list to tell tokens apart. */
    hint: text().notNull(),
    /** Null: never expires. */
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('personal_access_tokens_name_length', sql`char_length(${table.name}) between 1 and 100`),
    index('personal_access_tokens_user_idx').on(table.userId),
  ],
);

/**
 * A secret iCalendar URL: every task with a due time, or one project's (project_id). The token is
 * shown when made; only its SHA-256 is kept. Regenerating replaces the row's hash.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    projectId: integer().references(() => projects.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('calendar_feeds_user_project_key').on(table.userId, table.projectId).nullsNotDistinct(),
  ],
);

export const changeEntity = pgEnum('change_entity', ['task', 'project']);
export const changeOp = pgEnum('change_op', ['created', 'updated', 'completed', 'deleted']);

/**
 * Every change to a task or project, written by a trigger in the same transaction as the change
 * (migration 0007, record_change()), whoever made it: the API, MCP, an import, a reminder's
 * Complete. Each row is also announced with NOTIFY change_events, payload
 * {"id": <change id>, "user_id": "..."}. Live updates stream these rows (the id is the SSE event
 * id, so a reconnect catches up from it); webhooks are dispatched from them. No foreign key to
 * "user": a user's deletion cascades to tasks, whose trigger then writes rows for a user that is
 * going away.
 */
export const changeEvents = pgTable(
  'change_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text().notNull(),
    entity: changeEntity().notNull(),
    entityId: integer().notNull(),
    op: changeOp().notNull(),
    /** The row as it is after the change (before it, for `deleted`): to_jsonb of the table row. */
    data: jsonb().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('change_events_user_idx').on(table.userId, table.id),
    index('change_events_occurred_idx').on(table.occurredAt),
  ],
);

/** How far a reader of change_events has got (name 'webhooks': the dispatcher's position). */
export const changeCursors = pgTable('change_cursors', {
  name: text().primaryKey(),
  lastEventId: bigint({ mode: 'number' }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const webhookEvent = pgEnum('webhook_event', [
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
]);

/** A user's outgoing webhook. `secret` signs every delivery (HMAC-SHA256). */
export const webhooks = pgTable(
  'webhooks',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    secret: text().notNull(),
    events: webhookEvent().array().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('webhooks_user_idx').on(table.userId)],
);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', [
  'pending',
  'succeeded',
  'failed',
]);

/** One event for one webhook: the body it sends (the same on every retry) and how it went. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    /** change_events.id; no foreign key, as old change events are pruned. */
    eventId: bigint({ mode: 'number' }).notNull(),
    event: webhookEvent().notNull(),
    payload: jsonb().notNull(),
    status: webhookDeliveryStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    unique('webhook_deliveries_webhook_event_key').on(table.webhookId, table.eventId),
    index('webhook_deliveries_webhook_created_idx').on(table.webhookId, table.createdAt),
  ],
);
