import type { QuickAddOptions } from '../../../src/quick-add/index.js';
import { DATE_PHRASES } from './dates.js';
import { HOSTILE_PHRASES } from './hostile.js';
import { MARKER_PHRASES } from './markers.js';
import { DEFAULT_NOW, DEFAULT_ZONE, type Phrase } from './phrase.js';
import { REMINDER_PHRASES } from './reminders.js';
import { REPEAT_PHRASES } from './repeats.js';
import { ZONE_PHRASES } from './zones.js';

export const ALL_PHRASES: Phrase[] = [
  ...DATE_PHRASES,
  ...ZONE_PHRASES,
  ...REPEAT_PHRASES,
  ...MARKER_PHRASES,
  ...HOSTILE_PHRASES,
  ...REMINDER_PHRASES,
];

export function optionsOf(row: Phrase): QuickAddOptions {
  return {
    now: new Date(row.now ?? DEFAULT_NOW),
    timeZone: row.zone ?? DEFAULT_ZONE,
    ...(row.projects ? { projects: row.projects } : {}),
  };
}
