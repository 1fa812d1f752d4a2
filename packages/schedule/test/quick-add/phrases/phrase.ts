import type { Priority, RepeatRuleFields } from '@todo/contract';

/** One row of the phrase table: what was typed, when and where, and what it must mean. */
export interface Phrase {
  text: string;
  /** Default: Tuesday 1 Dec 2026, 10:00 UTC (11:00 in Berlin). */
  now?: string;
  /** Default: Europe/Berlin. */
  zone?: string;
  projects?: string[];
  title: string;
  /** Wall clock in the zone, `YYYY-MM-DDTHH:mm`; left out: no due date. */
  due?: string;
  repeat?: RepeatRuleFields;
  priority?: Priority;
  project?: string;
  tags?: string[];
  /** `due`, `before <minutes>`, `at <wall clock in the zone>`; in text order. */
  reminders?: string[];
  /** Why the row is there, when the text does not say. */
  why?: string;
}

export const DEFAULT_NOW = '2026-12-01T10:00:00Z';
export const DEFAULT_ZONE = 'Europe/Berlin';
export const PROJECTS = ['Inbox', 'Home', 'Work', 'Side project', 'Side'];
