import type { MailMessage } from './channel.js';
import { escapeHtml, formatInZone, htmlEmail, messageId, taskUrl } from './mail-layout.js';

export interface DigestTask {
  id: number;
  title: string;
  dueAt: Date;
}

export interface Digest {
  userId: string;
  to: string;
  timeZone: string;
  /** The user's local date the digest is for (YYYY-MM-DD). */
  localDate: string;
  overdue: DigestTask[];
  today: DigestTask[];
  /** PUBLIC_APP_URL/unsubscribe?token=… */
  unsubscribeUrl: string;
}

function section(heading: string, tasks: DigestTask[], digest: Digest, appUrl: string) {
  if (tasks.length === 0) return { text: '', html: '' };
  const when = (task: DigestTask) => formatInZone(task.dueAt, digest.timeZone);
  return {
    text: `${heading}\n${tasks.map((task) => `- ${task.title} (${when(task)}) ${taskUrl(appUrl, task.id)}`).join('\n')}\n\n`,
    html: `<h2 style="font-size:16px">${heading}</h2>\n<ul>\n${tasks
      .map(
        (task) =>
          `<li><a href="${escapeHtml(taskUrl(appUrl, task.id))}">${escapeHtml(task.title)}</a> <span style="color:#59636e">${escapeHtml(when(task))}</span></li>`,
      )
      .join('\n')}\n</ul>\n`,
  };
}

/**
 * The daily digest: overdue and today's open tasks (a day with neither sends none), with an
 * unsubscribe link and a List-Unsubscribe header.
 */
export function digestEmail(digest: Digest, appUrl: string): MailMessage {
  const overdue = section(`Overdue (${digest.overdue.length})`, digest.overdue, digest, appUrl);
  const today = section(`Today (${digest.today.length})`, digest.today, digest, appUrl);
  const footer = `You get this email on days with tasks due. Turn it off: ${digest.unsubscribeUrl}`;
  const subject = `Your tasks for ${digest.localDate}: ${digest.overdue.length} overdue, ${digest.today.length} today`;
  return {
    to: digest.to,
    subject,
    text: `${overdue.text}${today.text}${footer}\n`,
    html: htmlEmail(
      subject,
      `${overdue.html}${today.html}<p style="color:#59636e;font-size:13px">You get this email on days with tasks due. <a href="${escapeHtml(digest.unsubscribeUrl)}">Turn the daily digest off</a>.</p>`,
    ),
    messageId: messageId(`digest-${digest.userId}-${digest.localDate}`, appUrl),
    headers: { 'List-Unsubscribe': `<${digest.unsubscribeUrl}>` },
  };
}
