import 'server-only';
import type { TokenScope } from '@todo/contract';
import { schema } from '@todo/db/client';
import { eq } from 'drizzle-orm';
import { getDatabase } from '@/lib/db/database';
import { isOAuthAccessToken, oauthTokenCredential } from '@/lib/tokens/oauth-token';
import { hashPersonalToken, isPersonalToken } from '@/lib/tokens/personal-token';

/**
 * Who is calling the public API (/api/v1) or /mcp, and with what. `credentialId` names the
 * credential ("pat:<id>", "oauth:<id>") and travels to the backend as the token's `tid` claim.
 */
export interface Credential {
  userId: string;
  scope: TokenScope;
  credentialId: string;
}

const BEARER = /^Bearer (\S+)$/i;

/**
 * The credential of an `Authorization: Bearer …` header, or null when there is none or it is not
 * valid (unknown, revoked, expired). Personal access tokens and OAuth access tokens (issued to
 * assistants by lib/auth/oauth-provider.ts) are both looked up by their SHA-256.
 * The one place both /api/v1 and /mcp authenticate a caller.
 */
export async function authenticateBearer(header: string | null): Promise<Credential | null> {
  const token = BEARER.exec(header ?? '')?.[1];
  if (!token) return null;
  if (isPersonalToken(token)) return personalTokenCredential(token);
  if (isOAuthAccessToken(token)) return oauthTokenCredential(token);
  return null;
}

async function personalTokenCredential(token: string): Promise<Credential | null> {
  const { personalAccessTokens: tokens } = schema;
  const [row] = await getDatabase()
    .select({
      id: tokens.id,
      userId: tokens.userId,
      scope: tokens.scope,
      expiresAt: tokens.expiresAt,
    })
    .from(tokens)
    .where(eq(tokens.tokenHash, hashPersonalToken(token)));
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  return { userId: row.userId, scope: row.scope, credentialId: `pat:${row.id}` };
}
