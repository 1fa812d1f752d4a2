import type { Priority, ReminderInput, RepeatRuleFields } from '@todo/contract';

export type QuickAddTokenKind = 'date' | 'repeat' | 'priority' | 'project' | 'tag' | 'reminder';

/** A piece of the line quick add understood. `start`/`end` are string indices (UTF-16, as slice). */
export interface QuickAddToken {
  kind: QuickAddTokenKind;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`: what to highlight. */
  text: string;
  /**
   * For a chip: "Tomorrow 09:00", "Every month", "High priority", "#Home", "@errand",
   * "Reminder: 30 min before".
   */
  label: string;
}

export interface QuickAddResult {
  /** The rest of the line, trimmed, single spaces, quotes of escaped words removed; may be empty. */
  title: string;
  /** ISO instant; a date without a time is due at 23:59 that day in the zone. */
  dueAt: string | null;
  repeat: RepeatRuleFields | null;
  /** p1 high, p2 medium, p3 low; p4 (no priority) and none given: null. */
  priority: Priority | null;
  /** Without '#': the known project's own spelling when `projects` has it, else as typed. */
  project: string | null;
  /** Normalised (trimmed, lower-case, unique). */
  tags: string[];
  /** `!30m`, `remind me at 5pm`…: in text order, each once; `at` times are ISO instants. */
  reminders: ReminderInput[];
  /** In text order, never overlapping. */
  tokens: QuickAddToken[];
}

export interface QuickAddOptions {
  now: Date;
  /** IANA zone the dates are read in. */
  timeZone: string;
  /** The person's project names: lets `#side project` match "Side project". */
  projects?: readonly string[];
}

/** The moment and zone a line is read in. */
export type Zone = Pick<QuickAddOptions, 'now' | 'timeZone'>;

/** A stretch of the line: [start, end) in string indices. */
export interface Span {
  start: number;
  end: number;
}
