import { parseQuickAdd } from '@todo/schedule';

export type When = { ok: true; dueAt: string | null } | { ok: false; message: string };

const CLEAR = new Set(['none', 'no date', 'clear', 'never']);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A new due date as a model may put it: an RFC 3339 date-time, a phrase quick add reads
 * ("tomorrow 9am", "next fri", "in 3 days", "Dec 24 18:00", in `timeZone`), or "none" to clear
 * it. Anything else is refused with the forms that work, never guessed at.
 */
export function parseWhen(text: string, now: Date, timeZone: string): When {
  const when = text.trim();
  if (CLEAR.has(when.toLowerCase())) return { ok: true, dueAt: null };
  if (ISO_DATE_TIME.test(when)) {
    const instant = new Date(when);
    if (!Number.isNaN(instant.getTime())) return { ok: true, dueAt: instant.toISOString() };
  }
  const parsed = parseQuickAdd(when, { now, timeZone });
  const onlyADate = parsed.tokens.length === 1 && parsed.tokens[0]?.kind === 'date';
  if (parsed.dueAt && onlyADate && parsed.title === '') return { ok: true, dueAt: parsed.dueAt };
  return {
    ok: false,
    message:
      `"${when}" is not a date this server reads. Send an RFC 3339 date-time ` +
      '(2026-12-24T18:00:00+01:00), a phrase such as "tomorrow 9am", "next fri", "in 3 days", ' +
      '"Dec 24 18:00", or "none" to remove the due date.',
  };
}
