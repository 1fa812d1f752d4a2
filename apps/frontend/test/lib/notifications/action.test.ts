import { describe, expect, it } from 'vitest';
import { isSameOrigin, parseActionRequest } from '@/lib/notifications/action';

describe('parseActionRequest', () => {
  it('takes the four actions the service worker sends', () => {
    for (const action of ['complete', 'snooze-10m', 'snooze-1h', 'snooze-tomorrow']) {
      expect(parseActionRequest({ action, task_id: 7 })).toEqual({ action, taskId: 7 });
    }
  });

  it.each([
    null,
    'complete',
    { action: 'delete', task_id: 7 },
    { action: 'toString', task_id: 7 },
    { action: 'complete', task_id: '7' },
    { action: 'complete', task_id: 0 },
    { action: 'complete', task_id: 1.5 },
    { action: 'complete' },
  ])('refuses %o', (body) => {
    expect(parseActionRequest(body)).toBeNull();
  });
});

describe('isSameOrigin', () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it('admits the app’s own origin', () => {
    expect(
      isSameOrigin(
        headers({
          host: 'localhost:3000',
          origin: 'http://localhost:3000',
          'sec-fetch-site': 'same-origin',
        }),
      ),
    ).toBe(true);
  });

  it('refuses another site, a missing Origin and a cross-site fetch', () => {
    expect(isSameOrigin(headers({ host: 'localhost:3000', origin: 'http://evil.test' }))).toBe(
      false,
    );
    expect(isSameOrigin(headers({ host: 'localhost:3000' }))).toBe(false);
    expect(
      isSameOrigin(
        headers({
          host: 'localhost:3000',
          origin: 'http://localhost:3000',
          'sec-fetch-site': 'cross-site',
        }),
      ),
    ).toBe(false);
  });
});
