/** The pieces every email shares: escaping, dates in a zone, the HTML frame, Message-IDs. */

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** "Tue 1 Dec, 09:30" in the zone the task is counted in. */
export function formatInZone(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A Message-ID on the app's host: `<local@host>`, the same for every attempt at one delivery. */
export const messageId = (local: string, appUrl: string) =>
  `<${local}@${new URL(appUrl).hostname}>`;

/** A minimal, inline-styled HTML email (mail clients ignore style sheets). */
export function htmlEmail(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
${bodyHtml}
</body></html>
`;
}

export const taskUrl = (appUrl: string, taskId: number) => `${appUrl}/tasks/${taskId}`;
