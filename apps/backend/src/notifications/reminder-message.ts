import type { PushPayload } from '@todo/contract';
import type { MailMessage } from './channel.js';

/** What a reminder says: the task's title, its due time in its zone, and whether it is late. */
export interface ReminderFacts {
  reminderId: number;
  taskId: number;
  title: string;
  dueAt: Date | null;
  timeZone: string;
  fireAt: Date;
  late: boolean;
}

const LATE_NOTE = 'Sent late: no server was running at the reminder time.';

function dueText({ dueAt, timeZone }: ReminderFacts): string {
  if (!dueAt) return 'Reminder';
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(dueAt);
  return `Due ${when}`;
}

const bodyText = (facts: ReminderFacts) =>
  facts.late ? `${dueText(facts)}. ${LATE_NOTE}` : dueText(facts);

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

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

export function reminderMail(facts: ReminderFacts, to: string): MailMessage {
  const body = bodyText(facts);
  return {
    to,
    subject: `Reminder: ${facts.title}`,
    text: `${facts.title}\n${body}\n`,
    html: `<p><strong>${escapeHtml(facts.title)}</strong></p><p>${escapeHtml(body)}</p>`,
    messageId: `<${reminderTag(facts)}@todo.reminders>`,
  };
}
