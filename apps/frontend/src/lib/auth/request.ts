import 'server-only';
import { AUTH_BODY_MAX_BYTES } from '@/lib/auth/limits';
import { getAuth, withoutQueries } from '@/lib/auth/session';
import { getServerEnv } from '@/lib/env/server';
import { readCappedBody } from '@/lib/http/capped-body';
import { CLIENT_ADDRESS_HEADER, clientAddress, proxyMatcher } from '@/lib/http/client-address';
import { PEER_ADDRESS_HEADER, peerAddress } from '@/lib/http/peer-address';

let isTrustedProxy: ((address: string) => boolean) | undefined;

function tooLarge(): Response {
  return Response.json(
    {
      code: 'REQUEST_TOO_LARGE',
      message: `The request body is larger than ${AUTH_BODY_MAX_BYTES / 1024} KiB.`,
    },
    { status: 413 },
  );
}

/**
 * /api/auth/*: the body is read with a cap before Better Auth sees it, and the client address
 * Better Auth keys its rate limits on is the one worked out here from the socket peer and
 * TRUSTED_PROXIES, never a header the client chose.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const body = request.body ? await readCappedBody(request.body, AUTH_BODY_MAX_BYTES) : undefined;
  if (body === null) return tooLarge();
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  headers.delete(PEER_ADDRESS_HEADER);
  const peer = peerAddress(request.headers);
  // Without a stamp (a request received before start-up finished) Better Auth finds no address
  // and counts the request in one shared bucket: closed, not open.
  if (peer) {
    isTrustedProxy ??= proxyMatcher(getServerEnv().trustedProxies);
    headers.set(
      CLIENT_ADDRESS_HEADER,
      clientAddress(peer, request.headers.get('x-forwarded-for'), isTrustedProxy),
    );
  }
  // What Better Auth does not answer itself (`onAPIError.throw`) is thrown to Next, which logs it.
  return withoutQueries(
    getAuth().handler(
      new Request(request.url, { method: request.method, headers, body, signal: request.signal }),
    ),
  );
}
