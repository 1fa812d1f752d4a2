/** When to show a browser notification for tasks coming due, as pure functions of the clock. */

export interface ReminderTask {
  id: number;
  title: string;
  due_at: string | null;
  completed: boolean;
}

export interface Reminder {
  /** Stable per task, due time and lead, so a reminder is shown once even across re-plans. */
  key: string;
  taskId: number;
  /** Epoch milliseconds to show it at. */
  at: number;
  title: string;
  body: string;
}

export interface PlanOptions {
  /** Minutes before the due time to remind; 0 is "at the due time". */
  leadMinutes?: readonly number[];
  /** Only reminders within this many milliseconds are planned (timers are re-planned later). */
  horizonMs?: number;
  /** A reminder this late is still shown (the tab was asleep); older ones are dropped. */
  graceMs?: number;
  /** Keys of reminders already shown. */
  shown?: ReadonlySet<string>;
}

export const DEFAULT_LEAD_MINUTES = [15, 0] as const;
export const DEFAULT_HORIZON_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_GRACE_MS = 2 * 60 * 1000;

function leadText(minutes: number): string {
  if (minutes === 0) return 'Due now';
  if (minutes % 60 === 0) return `Due in ${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `Due in ${minutes} minutes`;
}

/** Reminders to schedule from `now`, soonest first. */
export function planReminders(
  tasks: readonly ReminderTask[],
  now: number,
  options: PlanOptions = {},
): Reminder[] {
  const leads = options.leadMinutes ?? DEFAULT_LEAD_MINUTES;
  const horizon = options.horizonMs ?? DEFAULT_HORIZON_MS;
  const grace = options.graceMs ?? DEFAULT_GRACE_MS;
  const shown = options.shown ?? new Set<string>();
  const reminders: Reminder[] = [];
  for (const task of tasks) {
    if (task.completed || !task.due_at) continue;
    const due = Date.parse(task.due_at);
    if (Number.isNaN(due)) continue;
    for (const lead of leads) {
      const at = due - lead * 60_000;
      const key = `${task.id}@${task.due_at}-${lead}`;
      if (shown.has(key) || at > now + horizon || at < now - grace) continue;
      // A late "15 minutes before" whose due time has passed too would only repeat the other.
      if (lead > 0 && due <= now) continue;
      reminders.push({ key, taskId: task.id, at, title: leadText(lead), body: task.title });
    }
  }
  return reminders.sort((a, b) => a.at - b.at || a.taskId - b.taskId);
}

/** Milliseconds to wait before showing a planned reminder (0 when it is already due). */
export function delayUntil(reminder: Reminder, now: number): number {
  return Math.max(0, reminder.at - now);
}
