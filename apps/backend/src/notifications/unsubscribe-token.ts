import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The digest's unsubscribe link token: the user id and an HMAC of it, keyed by BETTER_AUTH_SECRET
 * with a purpose label so it proves nothing else. It does not expire: an old digest's link still
 * works, and all it can do is turn the digest off.
 */
const PURPOSE = 'todo digest unsubscribe v1';

const mac = (secret: string, userId: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}\0${userId}`).digest();

export function signUnsubscribeToken(secret: string, userId: string): string {
  return `${Buffer.from(userId).toString('base64url')}.${mac(secret, userId).toString('base64url')}`;
}

/** The user id the token was signed for, or null when it was not signed with this secret. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [encodedUser, encodedMac, ...rest] = token.split('.');
  if (!encodedUser || !encodedMac || rest.length > 0) return null;
  const userId = Buffer.from(encodedUser, 'base64url').toString('utf8');
  const given = Buffer.from(encodedMac, 'base64url');
  const expected = mac(secret, userId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return userId;
}
