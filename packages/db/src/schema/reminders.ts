import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { tasks } from './tasks.js';

export const reminderKind = pgEnum('reminder_kind', ['due', 'before', 'at']);
export const deliveryKind = pgEnum('delivery_kind', ['reminder', 'digest', 'test']);
export const deliveryChannel = pgEnum('delivery_channel', ['push', 'email']);
/**
 * sending: claimed, the request may be in flight; sent: the service accepted it; failed: it
 * refused or could not be reached (a retry may claim it again); gone: the subscription no longer
 * exists (404/410); unconfirmed: its sender died mid-request, so it is not sent a second time.
 */
export const deliveryStatus = pgEnum('delivery_status', [
  'sending',
  'sent',
  'failed',
  'gone',
  'unconfirmed',
]);

/** A task's reminder. The backend keeps fire_at and the queued job in step with the task. */
export const reminders = pgTable(
  'reminders',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    taskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    kind: reminderKind().notNull(),
    /** For `before`: minutes before the due time. */
    minutesBefore: integer(),
    /** For `at`: the absolute time. */
    at: timestamp({ withTimezone: true }),
    /** When it fires next; null when it will not (completed, no due time, passed). */
    fireAt: timestamp({ withTimezone: true }),
    /** The queued job (pg-boss) that fires it at fire_at; null when none is queued. */
    jobId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'reminders_kind_fields',
      sql`(${table.kind} = 'due' and ${table.minutesBefore} is null and ${table.at} is null)
        or (${table.kind} = 'before' and ${table.minutesBefore} between 5 and 10080 and ${table.at} is null)
        or (${table.kind} = 'at' and ${table.minutesBefore} is null and ${table.at} is not null)`,
    ),
    index('reminders_task_idx').on(table.taskId),
  ],
);

/** A browser's Web Push subscription; answered 404/410 by its push service, it is removed. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    label: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex('push_subscriptions_endpoint_idx').on(table.endpoint),
    index('push_subscriptions_user_idx').on(table.userId),
    check('push_subscriptions_endpoint_length', sql`char_length(${table.endpoint}) <= 1000`),
    check('push_subscriptions_label_length', sql`char_length(${table.label}) between 1 and 100`),
  ],
);

/** One row per user who changed a setting; a user without a row has the defaults. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: text()
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    pushReminders: boolean().notNull().default(true),
    emailReminders: boolean().notNull().default(false),
    /** The default reminder for new tasks with a due time: null kind, none. */
    defaultReminderKind: reminderKind(),
    defaultMinutesBefore: integer(),
    /** Hour of the daily digest in time_zone; null: off. */
    digestHour: integer(),
    timeZone: text().notNull().default('UTC'),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'notification_settings_digest_hour',
      sql`${table.digestHour} is null or ${table.digestHour} between 0 and 23`,
    ),
    check(
      'notification_settings_default_reminder',
      sql`(${table.defaultReminderKind} is null and ${table.defaultMinutesBefore} is null)
        or (${table.defaultReminderKind} = 'due' and ${table.defaultMinutesBefore} is null)
        or (${table.defaultReminderKind} = 'before' and ${table.defaultMinutesBefore} between 5 and 10080)`,
    ),
  ],
);

/**
 * One row per message to one device or address: `key` (kind, reminder or user, target, fire
 * time) is unique, so a retried job, a second replica or a restart finds the row and does not
 * send again.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text().notNull(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: deliveryKind().notNull(),
    channel: deliveryChannel().notNull(),
    /** The reminder (null for a digest or a test); kept when the reminder goes. */
    reminderId: integer(),
    taskId: integer(),
    /** The push subscription id or the email address. */
    target: text().notNull(),
    fireAt: timestamp({ withTimezone: true }).notNull(),
    status: deliveryStatus().notNull().default('sending'),
    /** Sent more than a minute after fire_at (no replica was running then). */
    late: boolean().notNull().default(false),
    attempts: integer().notNull().default(1),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('deliveries_key_idx').on(table.key),
    index('deliveries_user_created_idx').on(table.userId, table.createdAt),
  ],
);
