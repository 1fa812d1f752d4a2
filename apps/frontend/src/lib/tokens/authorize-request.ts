import 'server-only';
import { getDatabase } from '@/lib/db/database';
import { getServerEnv } from '@/lib/env/server';
import { problemResponse } from '@/lib/http/problem-response';
import { authenticateBearer, type Credential } from '@/lib/tokens/authenticate';
import { recordTokenUse } from '@/lib/tokens/last-used';
import { spendTokenBudget } from '@/lib/tokens/rate-limit';

export interface AuthorizeOptions {
  /**
   * RFC 9728 protected-resource metadata URL, named in the 401's WWW-Authenticate so that an
   * OAuth client can discover where to sign in (/mcp passes
   * `<origin>/.well-known/oauth-protected-resource/mcp`).
   */
  resourceMetadataUrl?: string;
}

/**
 * The gate of the public API (/api/v1) and /mcp: the bearer's credential, or the Response to send
 * instead — 401 (no, unknown, revoked or expired token), 429 (the token spent its budget for
 * this minute, TOKEN_RATE_LIMIT_PER_MINUTE, counted across replicas) or 503 (no database). A
 * session cookie is never looked at: these routes have no CSRF surface.
 */
export async function authorizeRequest(
  request: Request,
  options: AuthorizeOptions = {},
): Promise<Credential | Response> {
  try {
    return await authorize(request, options);
  } catch {
    // The database is out of reach: say so in the API's shape, not as an HTML 500.
    return problemResponse(
      503,
      'Service Unavailable',
      'Access tokens cannot be checked right now. Try again shortly.',
      { 'retry-after': '5' },
    );
  }
}

async function authorize(
  request: Request,
  options: AuthorizeOptions,
): Promise<Credential | Response> {
  const credential = await authenticateBearer(request.headers.get('authorization'));
  if (!credential) return unauthorized(options.resourceMetadataUrl);
  const db = getDatabase();
  const budget = await spendTokenBudget(
    db,
    credential.credentialId,
    getServerEnv().tokenRateLimitPerMinute,
  );
  if (!budget.allowed) {
    return problemResponse(
      429,
      'Too many requests',
      'This token has made too many requests this minute. Wait and try again.',
      { 'retry-after': String(budget.retryAfterSeconds) },
    );
  }
  await recordTokenUse(db, credential.credentialId);
  return credential;
}

function unauthorized(resourceMetadataUrl: string | undefined): Response {
  const challenge = resourceMetadataUrl
    ? `Bearer resource_metadata="${resourceMetadataUrl}"`
    : 'Bearer';
  return problemResponse(
    401,
    'Unauthorized',
    'Send a valid access token: Authorization: Bearer <token>. Unknown, revoked and expired tokens are refused.',
    { 'www-authenticate': challenge },
  );
}
