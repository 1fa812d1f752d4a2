import 'server-only';
import { schema } from '@todo/db/client';
import { and, eq } from 'drizzle-orm';
import { isMcpResource } from '@/lib/auth/mcp-resource';
import { hashOAuthToken, OAUTH_ACCESS_TOKEN_PREFIX } from '@/lib/auth/oauth-provider';
import { tokenScopeOf } from '@/lib/auth/oauth-scopes';
import { getDatabase } from '@/lib/db/database';
import type { Credential } from '@/lib/tokens/authenticate';

/** True when the text has the shape of an access token our authorization server issued. */
export function isOAuthAccessToken(text: string): boolean {
  return text.startsWith(OAUTH_ACCESS_TOKEN_PREFIX);
}

/**
 * The credential of an OAuth access token: found by its hash (the plugin stores it without the
 * prefix), not expired, not revoked, its client not disabled, and issued for our /mcp resource
 * (RFC 8707 audience). Revoking a grant deletes its rows, so the next call already fails.
 * `credentialId` names the grant (client), which outlives each hourly token.
 */
export async function oauthTokenCredential(token: string): Promise<Credential | null> {
  const { oauthAccessToken: tokens, oauthClient: clients } = schema;
  const [row] = await getDatabase()
    .select({
      userId: tokens.userId,
      clientId: tokens.clientId,
      scopes: tokens.scopes,
      resources: tokens.resources,
      expiresAt: tokens.expiresAt,
      revoked: tokens.revoked,
    })
    .from(tokens)
    .innerJoin(clients, and(eq(clients.clientId, tokens.clientId), eq(clients.disabled, false)))
    .where(eq(tokens.token, hashOAuthToken(token.slice(OAUTH_ACCESS_TOKEN_PREFIX.length))));
  if (!row?.userId || row.revoked || !row.expiresAt) return null;
  if (row.expiresAt.getTime() <= Date.now()) return null;
  if (!row.resources?.some(isMcpResource)) return null;
  const scope = tokenScopeOf(row.scopes);
  if (!scope) return null;
  return { userId: row.userId, scope, credentialId: `oauth:${row.clientId}` };
}
