import type {
  DefaultReminder,
  NotificationSettings,
  UpdateNotificationSettingsBody,
} from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { eq, sql } from 'drizzle-orm';
import { timeZoneOf } from '../repositories/task-values.js';
import type { ChannelStatus } from './channel-status.js';

const { notificationSettings, user } = schema;

type StoredSettings = typeof notificationSettings.$inferSelect;
type SettingsColumns = Omit<StoredSettings, 'userId' | 'updatedAt'>;

/** A user without a row has these: the columns' defaults (migration 0006). */
const DEFAULTS: SettingsColumns = {
  pushReminders: true,
  emailReminders: false,
  defaultReminderKind: null,
  defaultMinutesBefore: null,
  digestHour: null,
  timeZone: 'UTC',
};

function defaultReminderOf(row: SettingsColumns): DefaultReminder {
  if (row.defaultReminderKind === 'before' && row.defaultMinutesBefore !== null) {
    return { kind: 'before', minutes_before: row.defaultMinutesBefore };
  }
  return row.defaultReminderKind === 'due' ? { kind: 'due' } : null;
}

/** The columns a PATCH names; time_zone is checked and stored canonical, as for tasks. */
function columnsOf(body: UpdateNotificationSettingsBody): Partial<SettingsColumns> {
  const columns: Partial<SettingsColumns> = {};
  if (body.push_reminders !== undefined) columns.pushReminders = body.push_reminders;
  if (body.email_reminders !== undefined) columns.emailReminders = body.email_reminders;
  if (body.digest_hour !== undefined) columns.digestHour = body.digest_hour;
  if (body.time_zone !== undefined) columns.timeZone = timeZoneOf(body.time_zone);
  if (body.default_reminder !== undefined) {
    const reminder = body.default_reminder;
    columns.defaultReminderKind = reminder?.kind ?? null;
    columns.defaultMinutesBefore = reminder?.kind === 'before' ? reminder.minutes_before : null;
  }
  return columns;
}

/** A user's notification settings; the channels' availability comes from the app. */
export function createSettingsRepository(db: Database) {
  /** The settings with the user's address, or null when the user does not exist. */
  async function read(userId: string, channels: ChannelStatus) {
    const [row] = await db
      .select({ email: user.email, settings: notificationSettings })
      .from(user)
      .leftJoin(notificationSettings, eq(notificationSettings.userId, user.id))
      .where(eq(user.id, userId));
    if (!row) return null;
    const settings = row.settings ?? DEFAULTS;
    return {
      ...channels,
      email: row.email,
      push_reminders: settings.pushReminders,
      email_reminders: settings.emailReminders,
      default_reminder: defaultReminderOf(settings),
      digest_hour: settings.digestHour,
      time_zone: settings.timeZone,
    } satisfies NotificationSettings;
  }

  return {
    read,

    /** Writes the fields the body names (the row is made on the first change). */
    async update(
      userId: string,
      body: UpdateNotificationSettingsBody,
      channels: ChannelStatus,
    ): Promise<NotificationSettings | null> {
      const columns = columnsOf(body);
      await db
        .insert(notificationSettings)
        .values({ ...DEFAULTS, ...columns, userId })
        .onConflictDoUpdate({
          target: notificationSettings.userId,
          set: { ...columns, updatedAt: sql`now()` },
        });
      return read(userId, channels);
    },

    /** The digest off (a user without a row has it off already). */
    async turnDigestOff(userId: string): Promise<void> {
      await db
        .update(notificationSettings)
        .set({ digestHour: null, updatedAt: sql`now()` })
        .where(eq(notificationSettings.userId, userId));
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
