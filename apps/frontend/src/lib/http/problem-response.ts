import { STATUS_CODES } from 'node:http';

/**
 * An RFC 9457 problem (the API's one error shape, `Problem` in @todo/contract) as a Response with
 * `application/problem+json`, never cached.
 */
export function problemResponse(
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/** The same, titled with the status's reason phrase ("Forbidden"): for a route's short answers. */
export function statusProblem(status: number, detail: string): Response {
  return problemResponse(status, STATUS_CODES[status] ?? 'Error', detail);
}
