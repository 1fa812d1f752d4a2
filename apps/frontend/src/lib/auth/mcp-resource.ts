import 'server-only';
import { randomUUID } from 'node:crypto';
import { schema } from '@todo/db/client';
import { MCP_PATH } from '@/lib/auth/oauth-provider';
import { getDatabase } from '@/lib/db/database';

/** Resources already known to exist in this process: the row is written once, read per token. */
const ensured = new Set<string>();

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
  const now = new Date();
  await getDatabase()
    .insert(schema.oauthResource)
    .values({ id: randomUUID(), identifier, name: 'Todo MCP', createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: schema.oauthResource.identifier });
  ensured.add(identifier);
  return identifier;
}
