import { getServerEnv } from '@/lib/env/server';
import { forwardToBackend } from '@/lib/public-api/forward';
import { authorizeRequest } from '@/lib/tokens/authorize-request';

type Context = { params: Promise<{ path: string[] }> };

/**
 * The public REST API: /api/v1/<path> is the backend's /api/<user>/<path> for the user whose
 * access token is in `Authorization: Bearer`. A session cookie is never accepted here, so no
 * other site can make a signed-in browser call it (no CSRF surface).
 */
async function handle(request: Request, { params }: Context): Promise<Response> {
  const credential = await authorizeRequest(request);
  if (credential instanceof Response) return credential;
  const env = getServerEnv();
  return forwardToBackend(request, credential, (await params).path, {
    backendUrl: env.backendUrl,
    secret: env.authSecret,
  });
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
