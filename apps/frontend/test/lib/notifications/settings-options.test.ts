import { describe, expect, it } from 'vitest';
import { deviceLabel } from '@/lib/notifications/device-label';
import {
  DEFAULT_REMINDER_OPTIONS,
  DIGEST_HOUR_OPTIONS,
  defaultReminderFrom,
  defaultReminderValue,
  digestHourFrom,
  digestHourValue,
} from '@/lib/notifications/settings-options';

describe('the digest hour', () => {
  it('offers Off and every hour, and reads back what it offers', () => {
    expect(DIGEST_HOUR_OPTIONS).toHaveLength(25);
    expect(DIGEST_HOUR_OPTIONS[8]).toEqual({ value: '7', label: '07:00' });
    for (const { value } of DIGEST_HOUR_OPTIONS) {
      expect(digestHourValue(digestHourFrom(value))).toBe(value);
    }
    expect(digestHourFrom('24')).toBeNull();
  });
});

describe('the default reminder', () => {
  it('reads back every choice it offers', () => {
    for (const { value } of DEFAULT_REMINDER_OPTIONS) {
      expect(defaultReminderValue(defaultReminderFrom(value))).toBe(value);
    }
    expect(defaultReminderFrom('30')).toEqual({ kind: 'before', minutes_before: 30 });
    expect(defaultReminderFrom('7')).toBeNull();
  });
});

describe('deviceLabel', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      'Chrome on Linux',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Firefox on Windows',
    ],
    ['curl/8', 'A browser'],
  ])('%s → %s', (agent, label) => {
    expect(deviceLabel(agent)).toBe(label);
  });
});
