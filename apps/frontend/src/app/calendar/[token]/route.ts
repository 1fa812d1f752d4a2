import { getServerEnv } from '@/lib/env/server';
import { publicOrigin } from '@/lib/http/public-origin';

/** The backend's headers a calendar app needs: what it is, how long to keep it, its version. */
const PASSED_HEADERS = ['content-type', 'cache-control', 'etag'];

const TIMEOUT_MS = 8000;

/**
 * GET /calendar/<token>.ics: a calendar feed on the public origin, for calendar apps that send
 * no cookie. No session: the token in the URL is the credential, which the backend checks (by
 * its hash) and answers 404 for any it does not know. This route only relays, so the backend
 * stays inside the cluster; it tells the backend the public origin, for the links in events.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await params;
  const env = getServerEnv();
  const headers = new Headers({ accept: 'text/calendar' });
  const origin = publicOrigin(request.headers);
  if (origin) {
    const { host, protocol } = new URL(origin);
    headers.set('x-forwarded-host', host);
    headers.set('x-forwarded-proto', protocol.slice(0, -1));
  }
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) headers.set('if-none-match', ifNoneMatch);
  try {
    const response = await fetch(`${env.backendUrl}/calendar/${encodeURIComponent(token)}`, {
      headers,
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status !== 200 && response.status !== 304 && response.status !== 404) {
      return unavailable();
    }
    const passed = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = response.headers.get(name);
      if (value) passed.set(name, value);
    }
    if (response.status === 404) passed.set('cache-control', 'no-store');
    const body = response.status === 304 ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, headers: passed });
  } catch {
    return unavailable();
  }
}

const unavailable = () =>
  new Response('The calendar is unavailable right now; your calendar app will try again.\n', {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' },
  });
