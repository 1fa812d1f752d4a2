import { createHash, randomBytes } from 'node:crypto';
import { CALENDAR_TOKEN_PATTERN } from '@todo/contract';

const TOKEN = new RegExp(CALENDAR_TOKEN_PATTERN);

/** The SHA-256 kept in calendar_feeds.token_hash (lowercase hex): the token itself is never stored. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new feed token (32 random bytes, base64url) and the hash to store. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedToken(token) };
}

/** The token of a feed's last path segment (`<token>.ics`), or null when it has not that shape. */
export function tokenOfFeedFile(file: string): string | null {
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
  return TOKEN.test(token) ? token : null;
}

/** Where the feed is served, on the backend and (proxied) on the public origin. */
export const feedPath = (token: string) => `/calendar/${token}.ics`;
