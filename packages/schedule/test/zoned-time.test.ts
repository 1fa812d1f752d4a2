import { describe, expect, it } from 'vitest';
import {
  cachedZoneCount,
  canonicalTimeZone,
  fromDateTimeLocal,
  startOfZonedDay,
  toDateTimeLocal,
  zonedParts,
  zonedTimeToInstant,
} from '../src/zoned-time.js';

describe('zoned time', () => {
  it('knows valid zone names and gives their canonical spelling', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('aMeRiCA/New_yorK')).toBe('America/New_York');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('caches one formatter per real zone, however a cookie spells it', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
    // Variant n of a zone upper-cases the letters whose bit is set in n: all distinct.
    const variant = (zone: string, n: number) => {
      let letter = 0;
      return zone.replace(/[a-z]/gi, (c) =>
        (n >> letter++) & 1 ? c.toUpperCase() : c.toLowerCase(),
      );
    };
    const canonical = zones.map((zone) => canonicalTimeZone(zone));
    const spellings = new Set<string>();
    const cachedBefore = cachedZoneCount();
    const rssBefore = process.memoryUsage.rss();
    for (let i = 0; i < 5000; i += 1) {
      const spelling = variant(zones[i % zones.length] ?? '', Math.floor(i / zones.length) + 1);
      spellings.add(spelling);
      expect(canonicalTimeZone(spelling)).toBe(canonical[i % zones.length]);
    }
    // Unfixed, each variant kept a ~27 KB formatter: 5,000 of them grew the process by ~130 MiB.
    expect(spellings.size).toBe(5000);
    expect(cachedZoneCount()).toBe(cachedBefore);
    expect(process.memoryUsage.rss() - rssBefore).toBeLessThan(10 * 1024 * 1024);
  });

  it('reads wall-clock fields and the ISO weekday', () => {
    expect(zonedParts(new Date('2025-06-04T23:30:00Z'), 'Asia/Tokyo')).toMatchObject({
      year: 2025,
      month: 6,
      day: 5,
      hour: 8,
      minute: 30,
      weekday: 4,
    });
  });

  it('reads the same fields as Intl across zones, transitions and odd historical offsets', () => {
    // An independent formatter per zone is the reference; the module caches offsets per quarter hour.
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Africa/Monrovia',
      'Europe/Amsterdam',
      'Asia/Tokyo',
      'UTC',
    ];
    const instants: number[] = [];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Random instants from 1890 to 2100, and every minute around a spring and an autumn change.
    for (let i = 0; i < 1000; i++) instants.push(Math.floor(-2.5e12 + random() * 6.6e12));
    for (const change of ['2025-03-30T00:30:00Z', '2025-10-26T00:30:00Z', '2025-04-06T14:30:00Z']) {
      for (let minute = 0; minute < 120; minute++)
        instants.push(Date.parse(change) + minute * 60_000 + 7_123);
    }
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    for (const timeZone of zones) {
      const reference = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
      for (const instant of instants) {
        const fields = Object.fromEntries(
          reference.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
        );
        const expected = {
          year: Number(fields.year),
          month: Number(fields.month),
          day: Number(fields.day),
          hour: Number(fields.hour),
          minute: Number(fields.minute),
          second: Number(fields.second),
          weekday: weekdays.indexOf(fields.weekday ?? '') + 1,
        };
        const actual = zonedParts(new Date(instant), timeZone);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect({ timeZone, instant: new Date(instant).toISOString(), ...actual }).toEqual({
            timeZone,
            instant: new Date(instant).toISOString(),
            ...expected,
          });
        }
      }
    }
  }, 60_000);

  it('converts wall time to an instant, including around DST changes', () => {
    expect(zonedTimeToInstant('America/New_York', 2025, 1, 15).toISOString()).toBe(
      '2025-01-15T05:00:00.000Z',
    );
    // 02:30 does not exist in Berlin on 30 March 2025: it resolves to 03:30 CEST.
    expect(zonedTimeToInstant('Europe/Berlin', 2025, 3, 30, 2, 30).toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    // Half-hour zones work too.
    expect(zonedTimeToInstant('Asia/Kolkata', 2025, 6, 1, 9, 0).toISOString()).toBe(
      '2025-06-01T03:30:00.000Z',
    );
  });

  it('takes the earlier instant of a wall time that happens twice, and keeps seconds', () => {
    // Berlin falls back at 03:00 CEST on 26 October 2025: 02:30 is 00:30Z and again 01:30Z.
    expect(zonedTimeToInstant('Europe/Berlin', 2025, 10, 26, 2, 30).toISOString()).toBe(
      '2025-10-26T00:30:00.000Z',
    );
    expect(zonedTimeToInstant('America/New_York', 2025, 11, 2, 1, 30).toISOString()).toBe(
      '2025-11-02T05:30:00.000Z',
    );
    expect(zonedTimeToInstant('Europe/Berlin', 2025, 6, 1, 9, 0, 5, 250).toISOString()).toBe(
      '2025-06-01T07:00:05.250Z',
    );
    // Years 1–99 are not taken for 1901–1999.
    expect(zonedTimeToInstant('UTC', 50, 1, 1).toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });

  it('finds the start of the day, with days overflowing into the next month', () => {
    expect(startOfZonedDay(new Date('2025-06-30T23:30:00Z'), 'UTC', 1).toISOString()).toBe(
      '2025-07-01T00:00:00.000Z',
    );
    expect(
      startOfZonedDay(new Date('2025-06-01T10:00:00Z'), 'Pacific/Kiritimati').toISOString(),
    ).toBe('2025-06-01T10:00:00.000Z');
  });

  it('round-trips datetime-local values in the user’s zone', () => {
    expect(toDateTimeLocal('2025-06-01T23:30:00Z', 'Europe/Berlin')).toBe('2025-06-02T01:30');
    expect(fromDateTimeLocal('2025-06-02T01:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2025-06-01T23:30:00.000Z',
    );
    expect(fromDateTimeLocal('2025-06-02T01:30:45', 'UTC')?.toISOString()).toBe(
      '2025-06-02T01:30:00.000Z',
    );
  });

  it('rejects values that are not real dates and times', () => {
    for (const value of [
      '2025-02-29T10:00',
      '2025-13-01T10:00',
      '2025-04-31T10:00',
      '2025-01-01T24:00',
      'tomorrow',
      '',
    ]) {
      expect(fromDateTimeLocal(value, 'UTC'), value).toBeNull();
    }
    expect(fromDateTimeLocal('2024-02-29T10:00', 'UTC')).not.toBeNull();
  });
});
