import type { PushPayload } from '@todo/contract';
import { formatInZone } from './mail-layout.js';
import type { ReminderEmailFacts } from './reminder-email.js';

/** What a reminder says, by push or email: the task, its due time in its zone, whether late. */
export type ReminderFacts = ReminderEmailFacts;

/** The notification's body: the due time, and a note when no replica ran at the fire time. */
function bodyText({ dueAt, timeZone, late }: ReminderFacts): string {
  const due = dueAt ? `Due ${formatInZone(dueAt, timeZone)}` : 'Reminder';
  return late ? `${due} · sent late: no server was running at the reminder time` : due;
}

/** One tag per firing: the service worker replaces, never doubles, a notification sent twice. */
export const reminderTag = (facts: Pick<ReminderFacts, 'reminderId' | 'fireAt'>) =>
  `reminder-${facts.reminderId}-${facts.fireAt.toISOString()}`;

/** RFC 8030 Topic (≤ 32 URL-safe characters): the push service keeps one message per firing. */
export const reminderTopic = (facts: Pick<ReminderFacts, 'reminderId' | 'fireAt'>) =>
  `r${facts.reminderId}-${Math.floor(facts.fireAt.getTime() / 1000).toString(36)}`;

export function reminderPush(facts: ReminderFacts): PushPayload {
  return {
    type: 'reminder',
    tag: reminderTag(facts),
    title: facts.title,
    body: bodyText(facts),
    task_id: facts.taskId,
    due_at: facts.dueAt?.toISOString() ?? null,
    late: facts.late,
    url: `/tasks/${facts.taskId}`,
  };
}
