import 'server-only';
import { signAccessToken, type TokenScope } from '@todo/contract';

/**
 * Seconds a signed token is sent again for the same caller: it still has at least four of its
 * five minutes (TOKEN_TTL_SECONDS) left when the backend gets it. Signing one per call went
 * through WebCrypto's thread pool five or six times for every tasks page, about 5% of the
 * frontend's CPU per page in the profile (docs/benchmarks.md, "Server work per page").
 */
export const TOKEN_REUSE_SECONDS = 60;
/** Callers remembered at most; past it the memory starts again (one signature each). */
const MAX_CALLERS = 1000;

interface Signed {
  token: Promise<string>;
  issuedAt: number;
}

// Per secret, per caller (user, scope, credential): the promise, so that the parallel calls of
// one page share a single signature.
const signed = new Map<string, Map<string, Signed>>();

/** What a backend token says about the credential behind a call. */
export interface CallCredential {
  scope: TokenScope;
  credentialId: string;
}

/**
 * The bearer token of a backend call for `userId` (with the credential's scope and id when the
 * call is made with a personal or OAuth token): signed at most once a minute per caller.
 */
export function callToken(
  secret: string,
  userId: string,
  credential?: CallCredential,
  now = Date.now(),
): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  let callers = signed.get(secret);
  if (!callers) {
    callers = new Map();
    signed.set(secret, callers);
  }
  const caller = JSON.stringify([userId, credential?.scope, credential?.credentialId]);
  const kept = callers.get(caller);
  if (kept && issuedAt - kept.issuedAt < TOKEN_REUSE_SECONDS && issuedAt >= kept.issuedAt) {
    return kept.token;
  }
  if (callers.size >= MAX_CALLERS) callers.clear();
  const token = signAccessToken(secret, userId, { ...credential, issuedAt });
  callers.set(caller, { token, issuedAt });
  // A failed signature is not kept: the next call signs again.
  token.catch(() => {
    if (callers.get(caller)?.token === token) callers.delete(caller);
  });
  return token;
}
