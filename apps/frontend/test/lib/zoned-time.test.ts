import { describe, expect, it } from 'vitest';
import {
  fromDateTimeLocal,
  isValidTimeZone,
  startOfZonedDay,
  toDateTimeLocal,
  zonedParts,
  zonedTimeToInstant,
} from '@/lib/zoned-time';

describe('zoned time', () => {
  it('knows valid zone names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
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
