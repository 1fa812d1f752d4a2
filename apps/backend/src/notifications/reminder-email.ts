import type { MailMessage } from './channel.js';
import { escapeHtml, formatInZone, htmlEmail, messageId, taskUrl } from './mail-layout.js';

/** What a reminder email tells: the task, its due time in the task's zone, whether it is late. */
export interface ReminderEmailFacts {
  reminderId: number;
  taskId: number;
  title: string;
  dueAt: Date | null;
  timeZone: string;
  fireAt: Date;
  late: boolean;
}

const LATE_NOTE = 'Sent late: no server was running at the reminder time.';

export function reminderEmail(facts: ReminderEmailFacts, to: string, appUrl: string): MailMessage {
  const due = facts.dueAt ? `Due ${formatInZone(facts.dueAt, facts.timeZone)}` : null;
  const link = taskUrl(appUrl, facts.taskId);
  const lines = [facts.title, due, facts.late ? LATE_NOTE : null].filter(Boolean);
  const html = [
    `<p style="font-size:17px"><strong>${escapeHtml(facts.title)}</strong></p>`,
    due ? `<p>${escapeHtml(due)}</p>` : '',
    facts.late ? `<p style="color:#9a6700">${LATE_NOTE}</p>` : '',
    `<p><a href="${escapeHtml(link)}">Open the task</a></p>`,
  ].join('\n');
  return {
    to,
    subject: `Reminder: ${facts.title}`,
    text: `${lines.join('\n')}\n\nOpen the task: ${link}\n`,
    html: htmlEmail(`Reminder: ${facts.title}`, html),
    messageId: messageId(
      `reminder-${facts.reminderId}-${facts.fireAt.getTime().toString(36)}`,
      appUrl,
    ),
  };
}
