import { signAccessToken, TRANSFER_LIMITS } from '@todo/contract';
import { readCappedBody } from '@/lib/http/capped-body';
import { problemResponse } from '@/lib/http/problem-response';
import type { Credential } from '@/lib/tokens/authenticate';

/** The backend's own body limit (apps/backend/src/server-options.ts): a larger body is 413 here. */
export const PUBLIC_API_BODY_MAX_BYTES = 64 * 1024;
/** An import (POST /import) takes a whole file, as the backend's import route does, and longer. */
const IMPORT_BODY_MAX_BYTES = TRANSFER_LIMITS.bodyBytes;
const IMPORT_TIMEOUT_MS = 60_000;

/** Request headers the backend reads; nothing else (no cookie) is forwarded. */
const REQUEST_HEADERS = ['content-type', 'if-match', 'accept'];
/** Response headers a caller needs; Location is rewritten to the public path. */
const RESPONSE_HEADERS = ['content-type', 'etag', 'content-disposition', 'retry-after'];

export interface ForwardOptions {
  /** BACKEND_URL without a trailing slash. */
  backendUrl: string;
  /** BETTER_AUTH_SECRET, which signs the backend token. */
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Forwards a public API call (/api/v1/<path>?<query>) to the backend as the credential's user
 * (`/api/<userId>/<path>?<query>`), with a short-lived backend token that carries the credential's
 * scope and id: the backend, not this proxy, refuses a read token's writes (403).
 */
export async function forwardToBackend(
  request: Request,
  credential: Credential,
  segments: string[],
  { backendUrl, secret, timeoutMs = 10_000, fetch: fetchImpl = fetch }: ForwardOptions,
): Promise<Response> {
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..')) {
    return problemResponse(404, 'Not Found', 'There is no such API path.');
  }
  const importing = segments.length === 1 && segments[0] === 'import';
  const maxBytes = importing ? IMPORT_BODY_MAX_BYTES : PUBLIC_API_BODY_MAX_BYTES;
  let body: Blob | undefined;
  if (request.body && request.method !== 'GET' && request.method !== 'HEAD') {
    const capped = await readCappedBody(request.body, maxBytes);
    if (!capped) {
      return problemResponse(
        413,
        'Payload Too Large',
        `The request body is larger than ${maxBytes / 1024} KiB.`,
      );
    }
    body = capped;
  }
  const userPrefix = `/api/${encodeURIComponent(credential.userId)}/`;
  const target = `${backendUrl}${userPrefix}${segments.map(encodeURIComponent).join('/')}${new URL(request.url).search}`;
  const headers = new Headers({
    authorization: `Bearer ${await signAccessToken(secret, credential.userId, {
      scope: credential.scope,
      credentialId: credential.credentialId,
    })}`,
  });
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetchImpl(target, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(importing ? Math.max(timeoutMs, IMPORT_TIMEOUT_MS) : timeoutMs),
    });
  } catch {
    return problemResponse(
      503,
      'Service Unavailable',
      'The task service is not answering. Try again shortly.',
      { 'retry-after': '5' },
    );
  }
  const answer = new Headers({ 'cache-control': 'no-store' });
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) answer.set(name, value);
  }
  const location = upstream.headers.get('location');
  if (location) answer.set('location', publicLocation(location, userPrefix));
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}

/** `/api/<userId>/tasks/7` (or a full URL to it) as the caller knows it: `/api/v1/tasks/7`. */
function publicLocation(location: string, userPrefix: string): string {
  const path = location.startsWith('/') ? location : new URL(location).pathname;
  return path.startsWith(userPrefix) ? `/api/v1/${path.slice(userPrefix.length)}` : path;
}
