import type { DefaultReminder } from '@todo/contract';
import { BEFORE_OPTIONS } from '@/lib/tasks/reminders';

/** The digest hour select: Off, then 00:00 … 23:00 in the person's zone. */
export const DIGEST_HOUR_OPTIONS = [
  { value: 'off', label: 'Off' },
  ...Array.from({ length: 24 }, (_, hour) => ({
    value: String(hour),
    label: `${String(hour).padStart(2, '0')}:00`,
  })),
];

export const digestHourValue = (hour: number | null) => (hour === null ? 'off' : String(hour));

export function digestHourFrom(value: string): number | null {
  const hour = Number(value);
  return value !== 'off' && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : null;
}

/** The default reminder select: none, at the due time, or one of the "before" choices. */
export const DEFAULT_REMINDER_OPTIONS = [
  { value: 'none', label: 'None' },
  { value: 'due', label: 'At the due time' },
  ...BEFORE_OPTIONS,
];

export function defaultReminderValue(reminder: DefaultReminder): string {
  if (reminder === null) return 'none';
  return reminder.kind === 'due' ? 'due' : String(reminder.minutes_before);
}

export function defaultReminderFrom(value: string): DefaultReminder {
  if (value === 'due') return { kind: 'due' };
  const minutes = Number(value);
  return value !== 'none' && BEFORE_OPTIONS.some((option) => option.value === value)
    ? { kind: 'before', minutes_before: minutes }
    : null;
}
