import 'server-only';
import { metadataResponse } from '@better-auth/oauth-provider';
import { ensureMcpResource } from '@/lib/auth/mcp-resource';
import { OAUTH_SCOPES } from '@/lib/auth/oauth-scopes';
import { handleAuthRequest } from '@/lib/auth/request';
import { withoutQueries } from '@/lib/auth/session';
import { publicOrigin } from '@/lib/http/public-origin';

/** Discovery documents are public and read by browser-based clients too (MCP Inspector). */
const PUBLIC_DOCUMENT = { 'Access-Control-Allow-Origin': '*' };

function notFound(): Response {
  return Response.json({ code: 'NOT_FOUND', message: 'No such document.' }, { status: 404 });
}

/** The suffix after the well-known name: none, or exactly the one we serve. */
function suffixIs(path: string[] | undefined, expected: string): boolean {
  return path === undefined || path.length === 0 || path.join('/') === expected;
}

/**
 * The plugin's own answer for `<issuer>/.well-known/oauth-authorization-server`, through the
 * auth route: only a request through Better Auth's handler learns the base URL from the request
 * when BETTER_AUTH_URL is unset (a direct `auth.api` call would get an empty issuer).
 */
async function authorizationServerMetadata(request: Request): Promise<Record<string, unknown>> {
  const url = new URL('/api/auth/.well-known/oauth-authorization-server', request.url);
  const response = await handleAuthRequest(new Request(url, { headers: request.headers }));
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Authorization-server metadata (RFC 8414) at /.well-known/oauth-authorization-server, and at
 * /.well-known/oauth-authorization-server/api/auth, where RFC 8414 puts it for our issuer
 * `<origin>/api/auth` and where the MCP SDK looks first.
 */
export async function authorizationServerDocument(
  request: Request,
  path: string[] | undefined,
): Promise<Response> {
  if (!suffixIs(path, 'api/auth')) return notFound();
  return metadataResponse(await authorizationServerMetadata(request), PUBLIC_DOCUMENT);
}

/**
 * Protected-resource metadata (RFC 9728) for `<origin>/mcp`, at
 * /.well-known/oauth-protected-resource/mcp (and without the suffix): names the authorization
 * server, so a client that only has the /mcp URL finds where to register and sign in.
 */
export async function protectedResourceDocument(
  request: Request,
  path: string[] | undefined,
): Promise<Response> {
  if (!suffixIs(path, 'mcp')) return notFound();
  const origin = publicOrigin(request.headers);
  if (!origin) return notFound();
  const { issuer } = await authorizationServerMetadata(request);
  return metadataResponse(
    {
      resource: await withoutQueries(ensureMcpResource(origin)),
      resource_name: 'Todo',
      authorization_servers: [issuer],
      scopes_supported: [OAUTH_SCOPES.read, OAUTH_SCOPES.write],
      bearer_methods_supported: ['header'],
    },
    PUBLIC_DOCUMENT,
  );
}
