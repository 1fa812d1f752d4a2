import { errors, jwtVerify, SignJWT } from 'jose';

/** Claims the frontend mints and the backend requires; changing one side alone breaks auth. */
export const TOKEN_ISSUER = 'todo-frontend';
export const TOKEN_AUDIENCE = 'todo-backend';
export const TOKEN_ALGORITHM = 'HS256';
/** Tokens live minutes, not days: one is minted for each backend call. */
export const TOKEN_TTL_SECONDS = 300;
/** Clock skew tolerated between the frontend and backend pods. */
export const TOKEN_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * HKDF-SHA256 `info` of the token key. BETTER_AUTH_SECRET also signs Better Auth's session
 * cookies; the tokens' key is derived from it under this label, so the two uses never share a
 * key: no token signature passes for a cookie's, nor the other way round. A new label (v2)
 * rotates every token key.
 */
export const ACCESS_TOKEN_KEY_INFO = 'todo-backend access token v1';
const ACCESS_TOKEN_KEY_BYTES = 32;

const encoder = new TextEncoder();

/**
 * The HS256 key of backend tokens: HKDF-SHA256 with the secret's UTF-8 bytes as input key
 * material, an empty salt, ACCESS_TOKEN_KEY_INFO as info, 32 bytes. A hand-written client gets
 * the same bytes from node:crypto: `hkdfSync('sha256', secret, '', ACCESS_TOKEN_KEY_INFO, 32)`.
 */
export async function deriveAccessTokenKey(secret: string): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: encoder.encode(ACCESS_TOKEN_KEY_INFO),
    },
    material,
    ACCESS_TOKEN_KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

// One derivation per secret for the life of the process: the frontend signs a token per call.
const keys = new Map<string, Promise<HmacKey>>();

function accessTokenKey(secret: string): Promise<HmacKey> {
  let key = keys.get(secret);
  if (!key) {
    key = deriveAccessTokenKey(secret).then((bytes) =>
      crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
        'verify',
      ]),
    );
    keys.set(secret, key);
  }
  return key;
}

/** `read`: GET and HEAD only. `write`: everything. A token without the claim is `write`. */
export type TokenScope = 'read' | 'write';

export interface SignOptions {
  /** Seconds from now until the token expires (default TOKEN_TTL_SECONDS). */
  ttlSeconds?: number;
  /** Epoch seconds the token is issued at (default now). */
  issuedAt?: number;
  /**
   * The `scope` claim: what the credential behind this call allows (a personal access token's or
   * an OAuth grant's scope). Omitted for the signed-in user's own calls, which may do anything.
   */
  scope?: TokenScope;
  /**
   * The `tid` claim: which credential the call was made with ("pat:12", "oauth:…"), so the backend
   * can tell one token's calls from another's. Omitted for the signed-in user's own calls.
   */
  credentialId?: string;
}

/** What a valid token says: whose call it is and what it may do. */
export interface AccessTokenClaims {
  userId: string;
  scope: TokenScope;
  credentialId?: string;
}

/** Signs the short-lived HS256 token that authorises one user's calls to the backend. */
export async function signAccessToken(
  secret: string,
  userId: string,
  {
    ttlSeconds = TOKEN_TTL_SECONDS,
    issuedAt = Math.floor(Date.now() / 1000),
    scope,
    credentialId,
  }: SignOptions = {},
): Promise<string> {
  const claims: Record<string, string> = {};
  if (scope) claims.scope = scope;
  if (credentialId) claims.tid = credentialId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(await accessTokenKey(secret));
}

/** Why a token was refused, in words safe to return to the caller. */
export class AccessTokenError extends Error {}

/** At most this many verified tokens are remembered (~2 MB); past it the oldest is forgotten. */
const MAX_VERIFIED_TOKENS = 5_000;

/** A verifier bound to one secret; returns the claims of a valid token. */
export function createAccessTokenVerifier(
  secret: string,
): (token: string) => Promise<AccessTokenClaims> {
  // Derived and imported once: given raw bytes, jose would import the key again for every token.
  const key = accessTokenKey(secret);
  key.catch(() => {}); // A failure surfaces, as a refused token, when a token is verified.
  // Tokens already verified, by their exact text, until they expire. The frontend signs one token
  // per caller a minute and sends it with each of a page's calls, and HMAC verification through
  // WebCrypto (a thread-pool hop) was a seventh of the backend's CPU per request. A hit needs the
  // very bytes, signature included, that passed before; expiry is checked on every hit.
  const verified = new Map<string, { claims: AccessTokenClaims; expiresAtMs: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.claims;
    if (known) verified.delete(token);
    const entry = await verifyToken(token);
    if (verified.size >= MAX_VERIFIED_TOKENS) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    verified.set(token, entry);
    return entry.claims;
  };

  async function verifyToken(
    token: string,
  ): Promise<{ claims: AccessTokenClaims; expiresAtMs: number }> {
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: TOKEN_CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
        throw new AccessTokenError('The token has no subject');
      }
      const { scope = 'write', tid } = payload;
      if (scope !== 'read' && scope !== 'write') {
        throw new AccessTokenError("The token's scope claim is not accepted");
      }
      if (tid !== undefined && (typeof tid !== 'string' || tid.length === 0)) {
        throw new AccessTokenError("The token's tid claim is not accepted");
      }
      return {
        claims: { userId: payload.sub, scope, ...(tid ? { credentialId: tid } : {}) },
        // Accepted until the end of the clock tolerance, as jose accepts it.
        expiresAtMs: ((payload.exp ?? 0) + TOKEN_CLOCK_TOLERANCE_SECONDS) * 1000,
      };
    } catch (error) {
      if (error instanceof AccessTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new AccessTokenError('The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new AccessTokenError(`The token's ${error.claim} claim is not accepted`);
      }
      throw new AccessTokenError('The token is malformed or its signature is invalid');
    }
  }
}
