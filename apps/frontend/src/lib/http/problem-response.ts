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
