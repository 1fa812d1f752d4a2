import { hkdfSync } from 'node:crypto';
import {
  ACCESS_TOKEN_KEY_INFO,
  AccessTokenError,
  createAccessTokenVerifier,
  deriveAccessTokenKey,
  signAccessToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from '@todo/contract';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const secret = 'a'.repeat(32);
const verify = createAccessTokenVerifier(secret);
const now = () => Math.floor(Date.now() / 1000);
let key: Uint8Array;
beforeAll(async () => {
  key = await deriveAccessTokenKey(secret);
});

function otherToken(
  claims: { iss?: string; aud?: string; sub?: string; scope?: unknown; tid?: unknown },
  signingKey: Uint8Array = key,
) {
  const { iss: _iss, aud: _aud, sub: _sub, ...extra } = claims;
  return new SignJWT(extra)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? 'user-1')
    .setIssuer(claims.iss ?? TOKEN_ISSUER)
    .setAudience(claims.aud ?? TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signingKey);
}

describe('the token key', () => {
  // The derivation the README gives a hand-written client, with its literal label.
  const byHand = new Uint8Array(hkdfSync('sha256', secret, '', 'todo-backend access token v1', 32));

  it('is HKDF-SHA256 of the secret under its own label, as the README derives it by hand', () => {
    expect(ACCESS_TOKEN_KEY_INFO).toBe('todo-backend access token v1');
    expect(key).toEqual(byHand);
  });

  it('verifies a token built by hand with that key', async () => {
    expect((await verify(await otherToken({ sub: 'by-hand' }, byHand))).userId).toBe('by-hand');
  });

  it('refuses a token signed with the secret itself', async () => {
    const raw = await otherToken({}, new TextEncoder().encode(secret));
    await expect(verify(raw)).rejects.toBeInstanceOf(AccessTokenError);
  });
});

describe('access tokens', () => {
  it('round-trips the user id', async () => {
    expect(await verify(await signAccessToken(secret, 'user-1'))).toEqual({
      userId: 'user-1',
      scope: 'write',
    });
  });

  it('carries the scope and credential of a token minted for one', async () => {
    const token = await signAccessToken(secret, 'user-1', { scope: 'read', credentialId: 'pat:7' });
    expect(await verify(token)).toEqual({ userId: 'user-1', scope: 'read', credentialId: 'pat:7' });
  });

  it.each([
    ['an unknown scope', { scope: 'admin' }],
    ['an empty credential', { tid: '' }],
    ['a credential that is not text', { tid: 7 }],
  ])('refuses a token with %s', async (_name, claims) => {
    await expect(verify(await otherToken(claims))).rejects.toBeInstanceOf(AccessTokenError);
  });

  it('carries the issuer, audience and a short expiry', async () => {
    const token = await signAccessToken(secret, 'user-1');
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ iss: 'todo-frontend', aud: 'todo-backend', sub: 'user-1' });
    expect(payload.exp - payload.iat).toBe(300);
  });

  it.each([
    ['expired', () => signAccessToken(secret, 'u', { issuedAt: now() - 3600, ttlSeconds: 60 })],
    ['signed with another key', () => signAccessToken('b'.repeat(32), 'u')],
    ['for another issuer', () => otherToken({ iss: 'someone-else' })],
    ['for another audience', () => otherToken({ aud: 'someone-else' })],
    [
      'unsigned (alg none)',
      async () =>
        new UnsecuredJWT({ sub: 'u' })
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setExpirationTime('5m')
          .encode(),
    ],
    ['garbage', async () => 'not.a.token'],
    [
      'not yet valid',
      async () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u')
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setNotBefore(now() + 3600)
          .setExpirationTime(now() + 7200)
          .sign(key),
    ],
  ])('refuses a token %s', async (_name, make) => {
    await expect(verify(await make())).rejects.toBeInstanceOf(AccessTokenError);
  });

  it('refuses a token without a subject', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(key);
    await expect(verify(token)).rejects.toBeInstanceOf(AccessTokenError);
  });
});

describe('a verifier remembering the tokens it verified', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('still refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    const remembering = createAccessTokenVerifier(secret);
    const token = await signAccessToken(secret, 'user-1', { ttlSeconds: 60 });
    await expect(remembering(token)).resolves.toEqual({ userId: 'user-1', scope: 'write' });
    vi.setSystemTime(Date.parse('2026-12-01T12:01:04Z')); // within the 5 s clock tolerance
    await expect(remembering(token)).resolves.toEqual({ userId: 'user-1', scope: 'write' });
    vi.setSystemTime(Date.parse('2026-12-01T12:01:06Z'));
    await expect(remembering(token)).rejects.toThrow('The token has expired');
  });

  it('refuses a token that differs from a remembered one in its signature or claims', async () => {
    const remembering = createAccessTokenVerifier(secret);
    const token = await signAccessToken(secret, 'user-1', { scope: 'read', credentialId: 'pat:1' });
    await expect(remembering(token)).resolves.toEqual({
      userId: 'user-1',
      scope: 'read',
      credentialId: 'pat:1',
    });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
    await expect(remembering(`${header}.${payload}.${flipped}`)).rejects.toBeInstanceOf(
      AccessTokenError,
    );
    const widened = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        scope: 'write',
      }),
    ).toString('base64url');
    await expect(remembering(`${header}.${widened}.${signature}`)).rejects.toBeInstanceOf(
      AccessTokenError,
    );
    // The remembered token itself still reads as it did.
    await expect(remembering(token)).resolves.toMatchObject({ scope: 'read' });
  });
});
