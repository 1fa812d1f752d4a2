import { requestOrigin } from '@/lib/http/request-origin';

/**
 * Whether a GET for the event stream comes from this app's own pages. EventSource sends
 * Sec-Fetch-Site, and Origin only when cross-origin: each, when present, must say same-origin.
 * (Another site could not read the stream anyway; this keeps it from opening one at all.)
 */
export function isSameOriginRead(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = headers.get('origin');
  return origin === null || origin === requestOrigin(headers);
}

/** Where the page's stream resumes: Last-Event-ID (EventSource's reconnect) or ?after=. */
export function resumeFrom(request: Request): string | undefined {
  const value =
    request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after');
  return value && /^\d{1,15}$/.test(value) ? value : undefined;
}
