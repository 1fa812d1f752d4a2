import 'server-only';
import { schema } from '@todo/db/client';
import { and, desc, eq } from 'drizzle-orm';
import { getDatabase } from '@/lib/db/database';

/** A client the user allowed: the "Connected apps" list in settings. */
export interface ConnectedApp {
  clientId: string;
  name: string;
  /** The host its codes go back to, to tell two apps of one name apart. */
  redirectHost: string | null;
  scopes: string[];
  grantedAt: Date | null;
}

/** Host of a client's first redirect URI, or null when it has none that parses. */
export function redirectHostOf(redirectUris: readonly string[]): string | null {
  const first = redirectUris[0];
  return first && URL.canParse(first) ? new URL(first).host : null;
}

/** A registered client's name and redirect URIs, for the consent page; null when unknown. */
export async function findClient(
  clientId: string,
): Promise<{ name: string; redirectUris: string[] } | null> {
  const { oauthClient: clients } = schema;
  const [row] = await getDatabase()
    .select({ name: clients.name, redirectUris: clients.redirectUris })
    .from(clients)
    .where(and(eq(clients.clientId, clientId), eq(clients.disabled, false)));
  return row ? { name: row.name ?? 'Unnamed app', redirectUris: row.redirectUris } : null;
}

/** Every client the user has allowed, most recently allowed first. */
export async function listConnectedApps(userId: string): Promise<ConnectedApp[]> {
  const { oauthConsent: consents, oauthClient: clients } = schema;
  const rows = await getDatabase()
    .select({
      clientId: consents.clientId,
      name: clients.name,
      redirectUris: clients.redirectUris,
      scopes: consents.scopes,
      grantedAt: consents.updatedAt,
    })
    .from(consents)
    .innerJoin(clients, eq(clients.clientId, consents.clientId))
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.updatedAt));
  return rows.map((row) => ({
    clientId: row.clientId,
    name: row.name ?? 'Unnamed app',
    redirectHost: redirectHostOf(row.redirectUris),
    scopes: row.scopes,
    grantedAt: row.grantedAt,
  }));
}

/**
 * Takes back everything the user gave a client: its access and refresh tokens (so the next call
 * with one is already refused) and the consent (so it must ask again). One transaction. False
 * when the user had not allowed that client.
 */
export async function revokeConnectedApp(userId: string, clientId: string): Promise<boolean> {
  const { oauthAccessToken, oauthRefreshToken, oauthConsent } = schema;
  return getDatabase().transaction(async (tx) => {
    await tx
      .delete(oauthAccessToken)
      .where(and(eq(oauthAccessToken.userId, userId), eq(oauthAccessToken.clientId, clientId)));
    await tx
      .delete(oauthRefreshToken)
      .where(and(eq(oauthRefreshToken.userId, userId), eq(oauthRefreshToken.clientId, clientId)));
    const removed = await tx
      .delete(oauthConsent)
      .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
      .returning({ id: oauthConsent.id });
    return removed.length > 0;
  });
}
