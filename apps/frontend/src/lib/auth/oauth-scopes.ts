import type { TokenScope } from '@todo/contract';

/** The two OAuth scopes, mapped onto our two token scopes: read, and read and write. */
export const OAUTH_SCOPES = { read: 'tasks:read', write: 'tasks:write' } as const;
/** Asked for when a client wants a refresh token (OAuth 2.1's name for it). */
export const OFFLINE_ACCESS = 'offline_access';
/** What clients may ask for; no `openid`: we sign nobody in elsewhere, we only grant /mcp. */
export const SUPPORTED_SCOPES = [OAUTH_SCOPES.read, OAUTH_SCOPES.write, OFFLINE_ACCESS];

/** The scope a grant gives on our API: write includes read; neither gives nothing. */
export function tokenScopeOf(scopes: readonly string[]): TokenScope | null {
  if (scopes.includes(OAUTH_SCOPES.write)) return 'write';
  if (scopes.includes(OAUTH_SCOPES.read)) return 'read';
  return null;
}

/** What the consent page and the connected-apps list say a grant allows. */
export function describeScopes(scopes: readonly string[]): string {
  const scope = tokenScopeOf(scopes);
  if (scope === 'write') return 'Read and change your tasks and projects';
  if (scope === 'read') return 'Read your tasks and projects';
  return 'No access to your tasks';
}
