import { errors, jwtVerify, SignJWT } from 'jose';

/** Claims the frontend mints and the backend requires; changing one side alone breaks auth. */
export const TOKEN_ISSUER = 'todo-frontend';
export const TOKEN_AUDIENCE = 'todo-backend';
export const TOKEN_ALGORITHM = 'HS256';
/** Tokens live minutes, not days: one is minted for each backend call. */
export const TOKEN_TTL_SECONDS = 300;
/** Clock skew tolerated between the frontend and backend pods. */
export const TOKEN_CLOCK_TOLERANCE_SECONDS = 5;

const encoder = new TextEncoder();

export interface SignOptions {
  /** Seconds from now until the token expires (default TOKEN_TTL_SECONDS). */
  ttlSeconds?: number;
  /** Epoch seconds the token is issued at (default now). */
  issuedAt?: number;
}

/** Signs the short-lived HS256 token that authorises one user's calls to the backend. */
export async function signAccessToken(
  secret: string,
  userId: string,
  { ttlSeconds = TOKEN_TTL_SECONDS, issuedAt = Math.floor(Date.now() / 1000) }: SignOptions = {},
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(encoder.encode(secret));
}

/** Why a token was refused, in words safe to return to the caller. */
export class AccessTokenError extends Error {}

/** A verifier bound to one secret; returns the user id (`sub`) of a valid token. */
export function createAccessTokenVerifier(secret: string): (token: string) => Promise<string> {
  // Imported once: given the raw bytes, jose imports the key again for every token it verifies.
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  key.catch(() => {}); // A failure surfaces, as a refused token, when a token is verified.
  return async (token) => {
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
      return payload.sub;
    } catch (error) {
      if (error instanceof AccessTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new AccessTokenError('The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new AccessTokenError(`The token's ${error.claim} claim is not accepted`);
      }
      throw new AccessTokenError('The token is malformed or its signature is invalid');
    }
  };
}
