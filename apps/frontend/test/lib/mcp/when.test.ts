import { describe, expect, it } from 'vitest';
import { parseWhen } from '@/lib/mcp/when';

// A Tuesday, 10:00 in Berlin.
const NOW = new Date('2026-12-01T09:00:00Z');

describe('parseWhen', () => {
  it('reads an RFC 3339 date-time as that instant', () => {
    expect(parseWhen('2026-12-24T18:00:00+01:00', NOW, 'Europe/Berlin')).toEqual({
      ok: true,
      dueAt: '2026-12-24T17:00:00.000Z',
    });
  });

  it('reads a quick-add phrase in the given zone', () => {
    expect(parseWhen('tomorrow 9am', NOW, 'Europe/Berlin')).toEqual({
      ok: true,
      dueAt: '2026-12-02T08:00:00.000Z',
    });
    expect(parseWhen('tomorrow 9am', NOW, 'America/New_York')).toEqual({
      ok: true,
      dueAt: '2026-12-02T14:00:00.000Z',
    });
  });

  it('clears the date for "none"', () => {
    expect(parseWhen(' None ', NOW, 'UTC')).toEqual({ ok: true, dueAt: null });
  });

  it('refuses words that are not only a date, saying which forms work', () => {
    for (const text of [
      'soonish',
      'tomorrow 9am #Home',
      'pay rent tomorrow',
      '2026-13-45T99:00Z',
    ]) {
      const when = parseWhen(text, NOW, 'UTC');
      expect(when.ok, text).toBe(false);
      if (!when.ok) expect(when.message).toContain('RFC 3339');
    }
  });
});
