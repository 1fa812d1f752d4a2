import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '@/lib/auth/config';
import type { ServerEnv } from '@/lib/env/read';

let databaseUrl: string;

beforeAll(async () => {
  // A port nobody listens on: requests that pass the origin check fail at the database instead.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  databaseUrl = `postgres://nobody:nothing@127.0.0.1:${port}/none`;
});

const env = (change: Partial<ServerEnv> = {}): ServerEnv => ({
  production: false,
  databaseUrl,
  authSecret: 'x'.repeat(40),
  authUrl: undefined,
  backendUrl: 'http://127.0.0.1:8000',
  trustedProxies: [],
  tokenRateLimitPerMinute: 300,
  ...change,
});

/** A sign-up's answer; what Better Auth throws (`onAPIError.throw`) the auth route answers 500. */
function signUp(auth: ReturnType<typeof createAuth>, headers: Record<string, string>) {
  return auth
    .handler(
      new Request('http://0.0.0.0:3000/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'A', email: 'a@example.com', password: 'long-enough-pw' }),
      }),
    )
    .catch(() => new Response(null, { status: 500 }));
}

describe('Better Auth origin handling', () => {
  it('refuses a sign-up from a foreign origin', async () => {
    const response = await signUp(createAuth(env()), {
      host: 'localhost:3000',
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'INVALID_ORIGIN' });
  });

  it('trusts exactly the address the request came to, whatever it is', async () => {
    for (const host of ['localhost:3000', '192.168.49.2:30000', '127.0.0.1:41234']) {
      const response = await signUp(createAuth(env()), { host, origin: `http://${host}` });
      // Past the origin check: it fails later, at the (absent) database.
      expect(response.status, host).not.toBe(403);
    }
    const sibling = await signUp(createAuth(env()), {
      host: '192.168.49.2:30000',
      origin: 'http://192.168.49.2:30001',
    });
    expect(sibling.status).toBe(403);
  });

  it('trusts only BETTER_AUTH_URL once it is set', async () => {
    const auth = createAuth(env({ authUrl: 'https://todo.example.com' }));
    const pinned = await signUp(auth, {
      host: 'todo.example.com',
      'x-forwarded-proto': 'https',
      origin: 'https://todo.example.com',
    });
    expect(pinned.status).not.toBe(403);
    const other = await signUp(auth, { host: 'localhost:3000', origin: 'http://localhost:3000' });
    expect(other.status).toBe(403);
  });

  it('marks cookies Secure only behind an https BETTER_AUTH_URL', async () => {
    const plain = await createAuth(env()).$context;
    expect(plain.authCookies.sessionToken.attributes.secure).toBeFalsy();
    const secure = await createAuth(env({ authUrl: 'https://todo.example.com' })).$context;
    expect(secure.authCookies.sessionToken.attributes.secure).toBe(true);
    expect(secure.authCookies.sessionToken.attributes.httpOnly).toBe(true);
    expect(secure.authCookies.sessionToken.attributes.sameSite).toBe('lax');
  });

  it('rate-limits sign-in and sign-up in production only, counting in the database', async () => {
    expect((await createAuth(env({ production: true })).$context).rateLimit).toMatchObject({
      enabled: true,
      storage: 'database',
    });
    expect((await createAuth(env()).$context).rateLimit.enabled).toBe(false);
  });
});
