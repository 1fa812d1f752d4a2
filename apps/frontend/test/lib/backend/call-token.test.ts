import { createAccessTokenVerifier, TOKEN_TTL_SECONDS } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { callToken, TOKEN_REUSE_SECONDS } from '@/lib/backend/call-token';

const SECRET = 't'.repeat(40);
const verify = createAccessTokenVerifier(SECRET);

/** The claims of a token, read without checking it (the checks are verify's). */
function claims(token: string): { iat: number; exp: number; sub: string } {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
}

describe('callToken', () => {
  it('signs once for the parallel calls of a page and again after a minute', async () => {
    const start = Date.UTC(2026, 0, 1, 12, 0, 0);
    const [first, second, third] = await Promise.all([
      callToken(SECRET, 'ann', undefined, start),
      callToken(SECRET, 'ann', undefined, start),
      callToken(SECRET, 'ann', undefined, start + 1000),
    ]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    const late = start + (TOKEN_REUSE_SECONDS - 1) * 1000;
    expect(await callToken(SECRET, 'ann', undefined, late)).toBe(first);

    const next = await callToken(SECRET, 'ann', undefined, start + TOKEN_REUSE_SECONDS * 1000);
    expect(next).not.toBe(first);
    expect(claims(next).iat - claims(first).iat).toBe(TOKEN_REUSE_SECONDS);
  });

  it('sends a token with at least four of its five minutes left, which the backend accepts', async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    const token = await callToken(SECRET, 'bob', undefined, now);
    const reused = await callToken(SECRET, 'bob', undefined, now + TOKEN_REUSE_SECONDS * 1000 - 1);
    expect(reused).toBe(token);
    const { iat, exp } = claims(reused);
    expect(exp - iat).toBe(TOKEN_TTL_SECONDS);
    expect(exp - (now / 1000 + TOKEN_REUSE_SECONDS)).toBeGreaterThanOrEqual(4 * 60 - 1);
    await expect(verify(reused)).resolves.toEqual({ userId: 'bob', scope: 'write' });
  });

  it('keeps callers apart: user, scope, credential and secret', async () => {
    const now = Date.now();
    const read = { scope: 'read', credentialId: 'pat:1' } as const;
    const tokens = await Promise.all([
      callToken(SECRET, 'cat', undefined, now),
      callToken(SECRET, 'dan', undefined, now),
      callToken(SECRET, 'cat', read, now),
      callToken(SECRET, 'cat', { scope: 'write', credentialId: 'pat:1' }, now),
      callToken(SECRET, 'cat', { scope: 'read', credentialId: 'pat:2' }, now),
      callToken('u'.repeat(40), 'cat', undefined, now),
    ]);
    expect(new Set(tokens).size).toBe(tokens.length);
    await expect(verify(tokens[2] ?? '')).resolves.toEqual({
      userId: 'cat',
      scope: 'read',
      credentialId: 'pat:1',
    });
    await expect(verify(tokens[5] ?? '')).rejects.toThrow();
  });

  it('never sends a token signed later than now (a clock that stepped back)', async () => {
    const now = Date.UTC(2026, 0, 1, 13, 0, 0);
    const ahead = await callToken(SECRET, 'eve', undefined, now);
    const back = await callToken(SECRET, 'eve', undefined, now - 5000);
    expect(back).not.toBe(ahead);
    expect(claims(back).iat).toBe(Math.floor((now - 5000) / 1000));
  });
});
