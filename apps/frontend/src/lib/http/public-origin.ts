import 'server-only';
import { getServerEnv } from '@/lib/env/server';
import { requestOrigin } from '@/lib/http/request-origin';

/**
 * The origin people reach the app at: BETTER_AUTH_URL's when it is pinned, else the one this
 * request came in on. Links handed out to be opened elsewhere (a calendar feed's URL) use it.
 */
export function publicOrigin(headers: Headers): string | null {
  const { authUrl } = getServerEnv();
  return authUrl ? new URL(authUrl).origin : requestOrigin(headers);
}
