import { describe, expect, it } from 'vitest';
import { describeDue } from '@/lib/tasks/format-due';

// Wednesday 4 June 2025, 10:00 in Berlin.
const now = new Date('2025-06-04T08:00:00Z');
const zone = 'Europe/Berlin';

describe('describeDue', () => {
  it.each([
    ['2025-06-04T16:30:00Z', 'Today 18:30', false, true],
    ['2025-06-05T07:00:00Z', 'Tomorrow 09:00', false, true],
    ['2025-06-03T15:00:00Z', 'Yesterday 17:00', true, false],
    ['2025-06-07T10:00:00Z', 'Saturday 12:00', false, false],
    ['2025-06-20T10:00:00Z', 'Fri 20 Jun 12:00', false, false],
    ['2026-01-05T10:00:00Z', 'Mon, 5 Jan 2026 11:00', false, false],
    ['2025-06-04T07:00:00Z', 'Today 09:00', true, false],
  ])('%s → %s', (due, text, overdue, soon) => {
    expect(describeDue(due, now, zone)).toMatchObject({ text, overdue, soon });
  });

  it('uses the user’s zone for the day', () => {
    // 23:30 UTC is already tomorrow in Tokyo.
    expect(describeDue('2025-06-04T23:30:00Z', now, 'Asia/Tokyo').text).toBe('Tomorrow 08:30');
  });

  it('never calls a completed task overdue', () => {
    expect(describeDue('2025-06-03T15:00:00Z', now, zone, true).overdue).toBe(false);
  });

  it('gives the full date for screen readers and tooltips', () => {
    expect(describeDue('2025-06-05T07:00:00Z', now, zone).full).toMatch(
      /Thursday.*5 June 2025.*09:00/,
    );
  });
});
