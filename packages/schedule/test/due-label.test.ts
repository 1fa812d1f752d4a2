import { describe, expect, it } from 'vitest';
import { describeDay, formatInZone, formatTimeOfDay } from '../src/due-label.js';

// formatInZone keeps one formatter per zone and option set: a kept formatter must never answer
// for another zone or other options than those it was made with.
describe('formatInZone', () => {
  const instant = new Date('2026-03-29T00:30:00Z');

  it('formats as a fresh Intl.DateTimeFormat would, for each zone and option set in turn', () => {
    const cases: [string, Intl.DateTimeFormatOptions][] = [
      ['UTC', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
      ['Europe/Berlin', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
      ['Europe/Berlin', { weekday: 'long' }],
      ['Pacific/Kiritimati', { weekday: 'long' }],
      ['America/New_York', { dateStyle: 'full', timeStyle: 'short' }],
      ['UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }],
    ];
    // Twice round, so the second pass is answered by kept formatters.
    for (let round = 0; round < 2; round += 1) {
      for (const [timeZone, options] of cases) {
        const fresh = new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).format(instant);
        expect(
          formatInZone(instant, timeZone, options),
          `${timeZone} ${JSON.stringify(options)}`,
        ).toBe(fresh);
      }
    }
  });

  it('tells zones apart across a day boundary', () => {
    expect(formatTimeOfDay(instant, 'UTC')).toBe('00:30');
    expect(formatTimeOfDay(instant, 'America/Los_Angeles')).toBe('17:30');
    // Noon UTC on the 29th is 02:00 on the 30th in Kiritimati (UTC+14).
    const now = new Date('2026-03-29T00:00:00Z');
    const noon = new Date('2026-03-29T12:00:00Z');
    expect(describeDay(noon, now, 'UTC')).toBe('Today');
    expect(describeDay(noon, now, 'Pacific/Kiritimati')).toBe('Tomorrow');
  });
});
