import type { ReminderInput } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from '../../src/quick-add/index.js';
import { toDateTimeLocal } from '../../src/zoned-time.js';
import { ALL_PHRASES, optionsOf } from './phrases/index.js';
import { DEFAULT_ZONE } from './phrases/phrase.js';

/** A reminder as the table writes it: `due`, `before 30`, `at 2026-12-01T17:00` (zone's clock). */
function reminderText(reminder: ReminderInput, zone: string): string {
  if (reminder.kind === 'before') return `before ${reminder.minutes_before}`;
  if (reminder.kind === 'at') return `at ${toDateTimeLocal(reminder.at, zone)}`;
  return 'due';
}

describe('quick add phrase table', () => {
  it('holds at least 150 phrases, each once', () => {
    expect(ALL_PHRASES.length).toBeGreaterThanOrEqual(150);
    const keys = ALL_PHRASES.map((row) =>
      JSON.stringify([row.text, row.now, row.zone, row.projects]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses only a time zone the runtime does not know', () => {
    const now = new Date();
    expect(() => parseQuickAdd('Call mom', { now, timeZone: 'Mars/Olympus_Mons' })).toThrow(
      RangeError,
    );
  });

  it.each(ALL_PHRASES)('$text', (row) => {
    const zone = row.zone ?? DEFAULT_ZONE;
    const result = parseQuickAdd(row.text, optionsOf(row));
    expect({
      title: result.title,
      due: result.dueAt === null ? undefined : toDateTimeLocal(result.dueAt, zone),
      repeat: result.repeat ?? undefined,
      priority: result.priority ?? undefined,
      project: result.project ?? undefined,
      tags: result.tags,
      reminders: result.reminders.map((reminder) => reminderText(reminder, zone)),
    }).toEqual({
      title: row.title,
      due: row.due,
      repeat: row.repeat,
      priority: row.priority,
      project: row.project,
      tags: row.tags ?? [],
      reminders: row.reminders ?? [],
    });
  });
});
