import { describe, expect, it } from 'vitest';
import { isSameOriginRead, resumeFrom } from '@/lib/live/stream-request';

describe('isSameOriginRead', () => {
  const headers = (values: Record<string, string>) =>
    new Headers({ host: 'todo.example.com', ...values });

  it('admits EventSource from the app’s own pages (same-origin, no Origin header)', () => {
    expect(isSameOriginRead(headers({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(
      isSameOriginRead(
        headers({ 'sec-fetch-site': 'same-origin', origin: 'http://todo.example.com' }),
      ),
    ).toBe(true);
  });

  it.each<Record<string, string>>([
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example' },
    { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
  ])('refuses %o', (values) => {
    expect(isSameOriginRead(headers(values))).toBe(false);
  });
});

describe('resumeFrom', () => {
  const request = (url: string, values: Record<string, string> = {}) =>
    new Request(`http://todo.example.com${url}`, { headers: values });

  it('takes Last-Event-ID first, then ?after=', () => {
    expect(resumeFrom(request('/api/events?after=5', { 'last-event-id': '9' }))).toBe('9');
    expect(resumeFrom(request('/api/events?after=5'))).toBe('5');
    expect(resumeFrom(request('/api/events'))).toBeUndefined();
  });

  it('ignores anything that is not an event id', () => {
    expect(resumeFrom(request('/api/events?after=-1'))).toBeUndefined();
    expect(resumeFrom(request('/api/events', { 'last-event-id': '1 or 1=1' }))).toBeUndefined();
    expect(resumeFrom(request('/api/events?after=1234567890123456'))).toBeUndefined();
  });
});
