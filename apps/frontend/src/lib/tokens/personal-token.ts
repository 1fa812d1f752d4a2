import { createHash, randomBytes } from 'node:crypto';

/** Every personal access token starts with this, so a leaked one is easy to recognise and scan for. */
export const PERSONAL_TOKEN_PREFIX = 'todo_pat_';
const PERSONAL_TOKEN = /^todo_pat_[A-Za-z0-9_-]{43}$/;

/** The SHA-256 kept in personal_access_tokens.token_hash (lowercase hex). */
export function hashPersonalToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the text has the shape of one of our personal access tokens. */
export function isPersonalToken(text: string): boolean {
  return PERSONAL_TOKEN.test(text);
}

/** A new token (32 random bytes), the hash to store and the hint to list it by. */
export function newPersonalToken(): { token: string; hash: string; hint: string } {
  const token = `${PERSONAL_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashPersonalToken(token), hint: token.slice(-4) };
}
