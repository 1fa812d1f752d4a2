// The OAuth 2.1 authorization server (Better Auth's oauth-provider) in process, over a real
// PostgreSQL: discovery documents, registration, authorize + consent + token with PKCE, and what
// authenticateBearer makes of the tokens (scope, audience, expiry, revocation).
import { schema } from '@todo/db/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeConnectedApp } from '@/lib/auth/connected-apps';
import { MCP_RESOURCES_MAX } from '@/lib/auth/mcp-resource';
import { authorizationServerDocument, protectedResourceDocument } from '@/lib/auth/oauth-metadata';
import { getAuth } from '@/lib/auth/session';
import { getDatabase } from '@/lib/db/database';
import { handleMcpRequest } from '@/lib/mcp/handle-request';
import { authenticateBearer } from '@/lib/tokens/authenticate';
import { authorizeRequest } from '@/lib/tokens/authorize-request';
import { INITIALIZE, MCP_HEADERS } from '../../../../../tests/security/support/mcp-calls';
import { cookiesOf, pkcePair } from '../../support/oauth-flow';
import { openTokenDatabase, type TokenTestDatabase } from '../../support/token-database';

const ORIGIN = 'http://127.0.0.1:3000';
const RESOURCE = `${ORIGIN}/mcp`;
const REDIRECT = 'http://127.0.0.1:53682/callback';

let database: TokenTestDatabase | undefined;
let cookie = '';
let userId = '';

function auth(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return getAuth().handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      ...init,
      headers: { host: '127.0.0.1:3000', origin: ORIGIN, cookie, ...init.headers },
    }),
  );
}

async function register(body: Record<string, unknown> = {}): Promise<string> {
  const response = await auth('/oauth2/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Test Assistant',
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      ...body,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

/** Authorize (signed in), allow on the consent step; the code sent to the redirect URI. */
async function authorizeAndAllow(clientId: string, scope: string, challenge: string) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope,
    state: 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    resource: RESOURCE,
  });
  const authorize = await auth(`/oauth2/authorize?${query}`);
  expect(authorize.status).toBe(302);
  const consentUrl = new URL(authorize.headers.get('location') ?? '', ORIGIN);
  expect(consentUrl.pathname).toBe('/oauth/consent');
  const consent = await auth('/oauth2/consent', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accept: true, oauth_query: consentUrl.search.slice(1) }),
  });
  const { url } = (await consent.json()) as { url: string };
  const back = new URL(url);
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('state-1');
  return back.searchParams.get('code') ?? '';
}

async function token(form: Record<string, string>) {
  const response = await auth('/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** A client allowed `scope`, and the token response for its code. */
async function connect(scope = 'tasks:write offline_access') {
  const clientId = await register();
  const { verifier, challenge } = pkcePair();
  const code = await authorizeAndAllow(clientId, scope, challenge);
  const answer = await token({
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT,
    resource: RESOURCE,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { clientId, tokens: answer.body };
}

beforeAll(async () => {
  database = await openTokenDatabase();
  const signUp = await auth('/sign-up/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', password: 'long-enough-pw' }),
  });
  expect(signUp.status).toBe(200);
  cookie = cookiesOf(signUp);
  userId = ((await signUp.json()) as { user: { id: string } }).user.id;
  // What every MCP client reads first; it also registers <origin>/mcp as a resource.
  const prm = await protectedResourceDocument(
    new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`, {
      headers: { host: '127.0.0.1:3000' },
    }),
    ['mcp'],
  );
  expect(prm.status).toBe(200);
});

afterAll(async () => {
  await getDatabase().$client.end();
  await database?.close();
});

describe('discovery', () => {
  it('serves protected-resource metadata for <origin>/mcp naming the authorization server', async () => {
    for (const path of [['mcp'], undefined]) {
      const response = await protectedResourceDocument(
        new Request(`${ORIGIN}/.well-known/oauth-protected-resource`, {
          headers: { host: '127.0.0.1:3000' },
        }),
        path,
      );
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual({
        resource: RESOURCE,
        resource_name: 'Todo',
        authorization_servers: [`${ORIGIN}/api/auth`],
        scopes_supported: ['tasks:read', 'tasks:write'],
        bearer_methods_supported: ['header'],
      });
    }
    const other = await protectedResourceDocument(
      new Request(`${ORIGIN}/.well-known/oauth-protected-resource/api`),
      ['api'],
    );
    expect(other.status).toBe(404);
  });

  it('writes at most MCP_RESOURCES_MAX resource rows, whatever Host headers strangers send', async () => {
    for (let i = 0; i < MCP_RESOURCES_MAX + 5; i += 1) {
      const host = `stranger-${i}.example:3000`;
      await protectedResourceDocument(
        new Request(`http://${host}/.well-known/oauth-protected-resource/mcp`, {
          headers: { host },
        }),
        ['mcp'],
      );
    }
    const rows = await getDatabase()
      .select({ identifier: schema.oauthResource.identifier })
      .from(schema.oauthResource);
    expect(rows.length).toBe(MCP_RESOURCES_MAX);
    // The app's own origin, discovered first, keeps its row.
    expect(rows.map((row) => row.identifier)).toContain(RESOURCE);
  });

  it('serves authorization-server metadata: PKCE S256 only, registration, revocation', async () => {
    for (const path of [undefined, ['api', 'auth']]) {
      const response = await authorizationServerDocument(
        new Request(`${ORIGIN}/.well-known/oauth-authorization-server`, {
          headers: { host: '127.0.0.1:3000' },
        }),
        path,
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        issuer: `${ORIGIN}/api/auth`,
        authorization_endpoint: `${ORIGIN}/api/auth/oauth2/authorize`,
        token_endpoint: `${ORIGIN}/api/auth/oauth2/token`,
        registration_endpoint: `${ORIGIN}/api/auth/oauth2/register`,
        revocation_endpoint: `${ORIGIN}/api/auth/oauth2/revoke`,
        code_challenge_methods_supported: ['S256'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        scopes_supported: ['tasks:read', 'tasks:write', 'offline_access'],
      });
    }
  });
});

describe('registration', () => {
  it('accepts a loopback http redirect without application_type (a native app)', async () => {
    expect(await register()).toMatch(/^[A-Za-z]+$/);
  });

  it('refuses a plain-http redirect to another host', async () => {
    const response = await auth('/oauth2/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'Evil',
        redirect_uris: ['http://evil.example/callback'],
        token_endpoint_auth_method: 'none',
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_redirect_uri' });
  });
});

describe('tokens', () => {
  it('gives a write credential for tasks:write, named after the client', async () => {
    const { clientId, tokens } = await connect();
    expect(tokens.access_token).toMatch(/^todo_oat_/);
    expect(tokens.refresh_token).toMatch(/^todo_ort_/);
    expect(await authenticateBearer(`Bearer ${tokens.access_token}`)).toEqual({
      userId,
      scope: 'write',
      credentialId: `oauth:${clientId}`,
    });
    // Only the hash is kept.
    const stored = await getDatabase().select().from(schema.oauthAccessToken);
    expect(stored.some((row) => tokens.access_token?.includes(row.token ?? '-'))).toBe(false);
  });

  it('gives a read credential for tasks:read', async () => {
    const { tokens } = await connect('tasks:read');
    expect(await authenticateBearer(`Bearer ${tokens.access_token}`)).toMatchObject({
      scope: 'read',
    });
  });

  it('refuses the code with a wrong PKCE verifier, and a code used twice', async () => {
    const clientId = await register();
    const { verifier, challenge } = pkcePair();
    const code = await authorizeAndAllow(clientId, 'tasks:read', challenge);
    const exchange = (codeVerifier: string) =>
      token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        code_verifier: codeVerifier,
        redirect_uri: REDIRECT,
        resource: RESOURCE,
      });
    const wrong = await exchange(pkcePair().verifier);
    // The plugin's answer to a failed PKCE check.
    expect(wrong.status).toBe(401);
    expect(wrong.body.error_description).toBe('code verification failed');
    // The failed attempt consumed the code: the right verifier is too late now.
    const late = await exchange(verifier);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe('invalid_grant');
  });

  it('refuses an authorize request without PKCE', async () => {
    const clientId = await register();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'tasks:read',
      resource: RESOURCE,
    });
    const response = await auth(`/oauth2/authorize?${query}`);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a token issued for no resource (audience)', async () => {
    const clientId = await register();
    const { verifier, challenge } = pkcePair();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'tasks:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const authorize = await auth(`/oauth2/authorize?${query}`);
    const consentUrl = new URL(authorize.headers.get('location') ?? '', ORIGIN);
    const consent = await auth('/oauth2/consent', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accept: true, oauth_query: consentUrl.search.slice(1) }),
    });
    const code = new URL(((await consent.json()) as { url: string }).url).searchParams.get('code');
    const answer = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: code ?? '',
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    expect(answer.status).toBe(200);
    expect(await authenticateBearer(`Bearer ${answer.body.access_token}`)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const { clientId, tokens } = await connect('tasks:read');
    await getDatabase()
      .update(schema.oauthAccessToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.oauthAccessToken.clientId, clientId));
    expect(await authenticateBearer(`Bearer ${tokens.access_token}`)).toBeNull();
  });

  it('refreshes: the new access token works', async () => {
    const { clientId, tokens } = await connect();
    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: tokens.refresh_token ?? '',
      resource: RESOURCE,
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.access_token).not.toBe(tokens.access_token);
    expect(await authenticateBearer(`Bearer ${refreshed.body.access_token}`)).toMatchObject({
      userId,
      scope: 'write',
    });
  });
});

describe('/mcp', () => {
  it('answers an MCP initialize with the OAuth access token, 401 without it', async () => {
    const { tokens } = await connect();
    const initialize = (authorization?: string) =>
      handleMcpRequest(
        new Request(RESOURCE, {
          method: 'POST',
          headers: {
            host: '127.0.0.1:3000',
            ...MCP_HEADERS,
            ...(authorization ? { authorization } : {}),
          },
          body: INITIALIZE,
        }),
      );
    const answer = await initialize(`Bearer ${tokens.access_token}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: 1, result: { protocolVersion: '2025-06-18' } });
    const refused = await initialize();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain(
      `resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/mcp"`,
    );
  });
});

describe('revocation', () => {
  it('revoking the connected app stops its tokens at once, refresh included', async () => {
    const { clientId, tokens } = await connect();
    expect(await authenticateBearer(`Bearer ${tokens.access_token}`)).not.toBeNull();
    expect(await revokeConnectedApp(userId, clientId)).toBe(true);
    expect(await authenticateBearer(`Bearer ${tokens.access_token}`)).toBeNull();
    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(400);
    // Nothing of it is left to list.
    const consents = await getDatabase()
      .select()
      .from(schema.oauthConsent)
      .where(eq(schema.oauthConsent.clientId, clientId));
    expect(consents).toEqual([]);
  });

  it('at the gate of /mcp: allowed before, 401 pointing to the metadata after', async () => {
    const { clientId, tokens } = await connect();
    const call = () =>
      authorizeRequest(
        new Request(RESOURCE, { headers: { authorization: `Bearer ${tokens.access_token}` } }),
        { resourceMetadataUrl: `${ORIGIN}/.well-known/oauth-protected-resource/mcp` },
      );
    expect(await call()).toEqual({ userId, scope: 'write', credentialId: `oauth:${clientId}` });
    await revokeConnectedApp(userId, clientId);
    const refused = await call();
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(401);
    expect((refused as Response).headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/mcp"`,
    );
  });

  it('the RFC 7009 endpoint revokes an access token', async () => {
    const { clientId, tokens } = await connect();
    const response = await auth('/oauth2/revoke', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens.access_token ?? '',
        token_type_hint: 'access_token',
        client_id: clientId,
      }).toString(),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await authenticateBearer(`Bearer ${tokens.access_token}`)).toBeNull();
  });

  it('an unknown token of our shape is refused', async () => {
    expect(await authenticateBearer(`Bearer todo_oat_${'A'.repeat(32)}`)).toBeNull();
  });
});
