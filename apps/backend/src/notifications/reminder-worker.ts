import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { eq, sql } from 'drizzle-orm';
import type { Channels, SendOutcome } from './channel.js';
import {
  type DeliveryOutcome,
  deliverOnce,
  LATE_AFTER_MS,
  reminderDeliveryKey,
} from './deliver.js';
import type { ReminderJobData } from './queue.js';
import { reminderEmail } from './reminder-email.js';
import { type ReminderFacts, reminderPush, reminderTopic } from './reminder-message.js';
import type { ReminderMetrics } from './reminder-metrics.js';

const { reminders, tasks, user, notificationSettings, pushSubscriptions } = schema;

/** A push for a reminder is worth showing for a day; after that the service may drop it. */
const PUSH_TTL_SECONDS = 24 * 60 * 60;

export interface ReminderWorkerOptions {
  db: Database;
  channels: Channels;
  metrics: ReminderMetrics;
  /** The frontend's public origin, for the link in a reminder email (PUBLIC_APP_URL). */
  appUrl: string;
}

/**
 * Works one reminder job: reads the reminder, task and settings as they are now, and delivers it
 * once to each target. A stale job (the reminder gone or moved, the task completed) ends without
 * sending. Throws when a target failed in a way worth retrying: pg-boss retries the job with
 * backoff, and the targets already sent are skipped by their delivery rows.
 */
export function createReminderWorker({ db, channels, metrics, appUrl }: ReminderWorkerOptions) {
  return async function deliverReminder(job: ReminderJobData): Promise<void> {
    const fireAt = new Date(job.fireAt);
    const [found] = await db
      .select({
        fireAt: reminders.fireAt,
        userId: reminders.userId,
        taskId: tasks.id,
        title: tasks.title,
        dueAt: tasks.dueAt,
        timeZone: tasks.timeZone,
        completed: tasks.completed,
        email: user.email,
        pushReminders: sql<boolean>`coalesce(${notificationSettings.pushReminders}, true)`,
        emailReminders: sql<boolean>`coalesce(${notificationSettings.emailReminders}, false)`,
      })
      .from(reminders)
      .innerJoin(tasks, eq(tasks.id, reminders.taskId))
      .innerJoin(user, eq(user.id, reminders.userId))
      .leftJoin(notificationSettings, eq(notificationSettings.userId, reminders.userId))
      .where(eq(reminders.id, job.reminderId));
    if (!found || found.completed || found.fireAt?.getTime() !== fireAt.getTime()) {
      metrics.stale.inc();
      return;
    }
    const facts: ReminderFacts = {
      reminderId: job.reminderId,
      taskId: found.taskId,
      title: found.title,
      dueAt: found.dueAt,
      timeZone: found.timeZone,
      fireAt,
      late: Date.now() - fireAt.getTime() > LATE_AFTER_MS,
    };
    const once = (channel: 'push' | 'email', target: string, send: () => Promise<SendOutcome>) =>
      deliverOnce(
        db,
        {
          key: reminderDeliveryKey(job.reminderId, channel, target, fireAt),
          userId: found.userId,
          kind: 'reminder',
          channel,
          target,
          fireAt,
          reminderId: job.reminderId,
          taskId: found.taskId,
        },
        send,
        metrics.observe,
      );

    const outcomes: DeliveryOutcome[] = [];
    if (found.pushReminders && channels.push.available) {
      const devices = await db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, found.userId));
      const payload = reminderPush(facts);
      const options = {
        topic: reminderTopic(facts),
        ttlSeconds: PUSH_TTL_SECONDS,
        urgency: 'high' as const,
      };
      for (const device of devices) {
        const outcome = await once('push', String(device.id), () =>
          channels.push.send(device, payload, options),
        );
        if (outcome.status === 'gone') {
          await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
        } else if (outcome.status === 'sent') {
          await db
            .update(pushSubscriptions)
            .set({ lastSuccessAt: new Date() })
            .where(eq(pushSubscriptions.id, device.id));
        }
        outcomes.push(outcome);
      }
    }
    if (found.emailReminders && channels.email.available && found.email) {
      const message = reminderEmail(facts, found.email, appUrl);
      outcomes.push(await once('email', found.email, () => channels.email.send(message)));
    }
    const retry = outcomes.flatMap((outcome) =>
      outcome.status === 'failed' && outcome.retry ? [outcome.error] : [],
    );
    if (retry.length > 0) {
      throw new Error(`reminder ${job.reminderId}: ${retry.length} target(s) failed: ${retry[0]}`);
    }
  };
}
