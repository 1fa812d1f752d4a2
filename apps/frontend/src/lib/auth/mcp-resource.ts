import 'server-only';
import { randomUUID } from 'node:crypto';
import { schema } from '@todo/db/client';
import { eq, sql } from 'drizzle-orm';
import { MCP_PATH } from '@/lib/auth/oauth-provider';
import { getDatabase } from '@/lib/db/database';

/** Resources already known to exist in this process: the row is written once, read per token. */
const ensured = new Set<string>();

/**
 * The most resource rows discovery writes. Without BETTER_AUTH_URL every Host a request names
 * could add one; past this, a new origin gets no row (its authorization is refused) instead of the
 * table, and this process's memory, growing with whatever Host headers a stranger sends.
 */
export const MCP_RESOURCES_MAX = 20;

/** True for a resource identifier that names our MCP endpoint (`<origin>/mcp`). */
export function isMcpResource(identifier: string): boolean {
  return URL.canParse(identifier) && new URL(identifier).pathname === MCP_PATH;
}

/**
 * Makes sure the authorization server knows `<origin>/mcp` as a resource (RFC 8707): the plugin
 * refuses a `resource` it has no row for. The origin is only known per request when
 * BETTER_AUTH_URL is unset, so the row is written when a client discovers it, through the
 * protected-resource metadata every MCP client reads before it asks for authorization.
 */
export async function ensureMcpResource(origin: string): Promise<string> {
  const identifier = `${origin}${MCP_PATH}`;
  if (ensured.has(identifier)) return identifier;
  const db = getDatabase();
  await db.execute(sql`
    insert into oauth_resource (id, identifier, name, created_at, updated_at)
    select ${randomUUID()}, ${identifier}, 'Todo MCP', now(), now()
    where (select count(*) from oauth_resource) < ${MCP_RESOURCES_MAX}
    on conflict (identifier) do nothing`);
  const [known] = await db
    .select({ id: schema.oauthResource.id })
    .from(schema.oauthResource)
    .where(eq(schema.oauthResource.identifier, identifier));
  if (known) ensured.add(identifier);
  return identifier;
}
