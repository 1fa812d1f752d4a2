import 'server-only';
import { authenticateBearer, type Credential } from '@/lib/tokens/authenticate';

// Stands in for lib/tokens/authorize-request.ts (the public API's gate, with its per-token rate
// limit) until that lands on main; same signature, so /mcp switches by changing one import.
export async function authorizeRequest(
  request: Request,
  options: { resourceMetadataUrl?: string } = {},
): Promise<Credential | Response> {
  const credential = await authenticateBearer(request.headers.get('authorization'));
  if (credential) return credential;
  const challenge = options.resourceMetadataUrl
    ? `Bearer resource_metadata="${options.resourceMetadataUrl}"`
    : 'Bearer';
  return Response.json(
    { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Send a valid token.' },
    {
      status: 401,
      headers: { 'content-type': 'application/problem+json', 'www-authenticate': challenge },
    },
  );
}
