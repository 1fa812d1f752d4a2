import { describe, expect, it } from 'vitest';
import { describeDay, formatInZone } from '../src/due-label.js';
import { formatTimeOfDay } from '../src/zoned-time.js';

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

// formatTimeOfDay and describeDay's year read the zone offsets zoned-time.ts keeps, not Intl:
// their answers must be Intl's, at every hour of a year, in zones with odd offsets and DST.
describe('time of day and year from the kept zone offsets', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
    'America/Santiago',
  ];
  // Fresh formatters, made here once per zone and option set (making one per check is slow).
  const made = new Map<string, Intl.DateTimeFormat>();
  const intl = (instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions) => {
    const key = `${timeZone} ${JSON.stringify(options)}`;
    let formatter = made.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
      made.set(key, formatter);
    }
    return formatter.format(instant);
  };

  it('writes the time of day as Intl does, each hour and odd minute of a year', () => {
    const start = Date.UTC(2025, 11, 31, 0, 7);
    for (const timeZone of zones) {
      for (let hour = 0; hour < 366 * 24; hour += 11) {
        const instant = new Date(start + hour * 3_600_000 + (hour % 60) * 60_000);
        expect(formatTimeOfDay(instant, timeZone), `${timeZone} ${instant.toISOString()}`).toBe(
          intl(instant, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
        );
      }
    }
  }, 30_000);

  it('adds the year exactly when Intl says the years differ, around New Year in each zone', () => {
    const now = new Date('2026-12-31T12:00:00Z');
    for (const timeZone of zones) {
      for (let hour = -48; hour <= 48 + 24 * 400; hour += 29) {
        const instant = new Date(now.getTime() + hour * 3_600_000);
        const sameYear =
          intl(instant, timeZone, { year: 'numeric' }) === intl(now, timeZone, { year: 'numeric' });
        const label = describeDay(instant, now, timeZone);
        expect(/\d{4}$/.test(label), `${timeZone} ${instant.toISOString()} ${label}`).toBe(
          !sameYear && !/^(Today|Tomorrow|Yesterday|[A-Z][a-z]+day)$/.test(label),
        );
      }
    }
  }, 30_000);
});
