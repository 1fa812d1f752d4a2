import { requestOrigin } from '@/lib/http/request-origin';

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Against DNS rebinding: a page on another site whose name resolves to this server must not be
 * able to talk to /mcp. With BETTER_AUTH_URL pinned, the Host (as request-origin.ts reads it) must
 * be its host and an Origin header its origin; unpinned, an Origin header must be the request's
 * own origin. Returns the public origin /mcp is served at, for the metadata URL.
 */
export function checkMcpOrigin(headers: Headers, pinnedUrl: string | undefined): OriginCheck {
  const own = requestOrigin(headers);
  if (!own) return { ok: false, message: 'The Host header is missing or malformed.' };
  const expected = pinnedUrl ? new URL(pinnedUrl).origin : own;
  if (new URL(own).host !== new URL(expected).host) {
    return { ok: false, message: `This server answers /mcp only at ${expected}.` };
  }
  const origin = headers.get('origin');
  // Behind a proxy that sends no X-Forwarded-Proto the request's own scheme may read as http:
  // compare the host when unpinned, the whole origin when pinned.
  if (origin !== null && !sameOrigin(origin, expected, pinnedUrl !== undefined)) {
    return { ok: false, message: 'Requests from another origin are not accepted.' };
  }
  return { ok: true, origin: expected };
}

function sameOrigin(origin: string, expected: string, exact: boolean): boolean {
  try {
    const url = new URL(origin);
    return exact ? url.origin === expected : url.host === new URL(expected).host;
  } catch {
    return false;
  }
}
