import 'server-only';
import { oauthProvider } from '@better-auth/oauth-provider';
import { createAuthMiddleware } from 'better-auth/api';
import { SUPPORTED_SCOPES } from '@/lib/auth/oauth-scopes';
import { hashPersonalToken as sha256Hex } from '@/lib/tokens/personal-token';

/** Prefixes on what we hand out, so a leaked token is easy to recognise and scan for. */
export const OAUTH_ACCESS_TOKEN_PREFIX = 'todo_oat_';
const OAUTH_REFRESH_TOKEN_PREFIX = 'todo_ort_';

/** The path of the one protected resource: the MCP endpoint. */
export const MCP_PATH = '/mcp';
/** Where the authorization server sends a user to sign in and to allow or deny a client. */
export const CONSENT_PAGE = '/oauth/consent';
const LOGIN_PAGE = '/sign-in';

/** An hour: short enough that a leaked token is soon useless; clients refresh silently. */
const ACCESS_TOKEN_SECONDS = 60 * 60;
/** Thirty days of no use and the assistant must ask the person again. */
const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

/**
 * The SHA-256 (hex) kept in the database for access and refresh tokens and authorization codes;
 * the same hash as personal access tokens, so lib/tokens/authenticate.ts can look one up.
 */
export function hashOAuthToken(token: string): string {
  return sha256Hex(token);
}

/**
 * Better Auth's OAuth 2.1 provider, for assistants that connect to /mcp with the URL alone:
 * authorization code with PKCE (S256 only, required of every client), open dynamic client
 * registration (RFC 7591) with exact redirect URIs (https, or http on loopback), the `resource`
 * parameter (RFC 8707), refresh tokens, revocation (RFC 7009). Access tokens are opaque and
 * looked up on every call, so revoking a grant stops them at once; no JWT plugin, no signing keys.
 */
export function oauthProviderPlugin() {
  return oauthProvider({
    loginPage: LOGIN_PAGE,
    consentPage: CONSENT_PAGE,
    scopes: SUPPORTED_SCOPES,
    grantTypes: ['authorization_code', 'refresh_token'],
    disableJwtPlugin: true,
    allowDynamicClientRegistration: true,
    allowUnauthenticatedClientRegistration: true,
    // Resource rows are `<origin>/mcp` (lib/auth/mcp-resource.ts); every client may ask for them.
    enforcePerClientResources: false,
    accessTokenExpiresIn: ACCESS_TOKEN_SECONDS,
    refreshTokenExpiresIn: REFRESH_TOKEN_SECONDS,
    storeTokens: { hash: hashOAuthToken },
    prefix: {
      opaqueAccessToken: OAUTH_ACCESS_TOKEN_PREFIX,
      refreshToken: OAUTH_REFRESH_TOKEN_PREFIX,
    },
  });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackHttp(uri: unknown): boolean {
  if (typeof uri !== 'string' || !URL.canParse(uri)) return false;
  const url = new URL(uri);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * A registration that names no application_type but asks for a loopback http redirect is a
 * native app (RFC 8252 §7.3): desktop assistants and the MCP SDK register this way. The plugin
 * defaults to "web", which refuses every http redirect, so such a client could never connect.
 */
export const nativeLoopbackRegistration = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== '/oauth2/register') return;
  const body: unknown = ctx.body;
  if (typeof body !== 'object' || body === null || 'application_type' in body) return;
  const redirects = 'redirect_uris' in body ? body.redirect_uris : undefined;
  if (!Array.isArray(redirects) || !redirects.some(isLoopbackHttp)) return;
  return { context: { body: { ...body, application_type: 'native' } } };
});
