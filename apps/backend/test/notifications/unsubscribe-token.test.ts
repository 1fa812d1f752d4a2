import { describe, expect, it } from 'vitest';
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../../src/notifications/unsubscribe-token.js';

const SECRET = 'unsubscribe-test-secret-of-32-characters';

describe('unsubscribe token', () => {
  it('names the user it was signed for, and is the same every time', () => {
    const token = signUnsubscribeToken(SECRET, 'user-1');
    expect(token).toBe(signUnsubscribeToken(SECRET, 'user-1'));
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toBe('user-1');
  });

  it('refuses a token signed with another secret, for another user, or tampered with', () => {
    const token = signUnsubscribeToken(SECRET, 'user-1');
    const [, mac] = token.split('.');
    const otherUser = `${Buffer.from('user-2').toString('base64url')}.${mac}`;
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(verifyUnsubscribeToken('another-secret-of-at-least-32-characters', token)).toBeNull();
    for (const bad of [otherUser, flipped, '', '.', 'abc', `${token}.x`, token.split('.')[0] ?? ''])
      expect(verifyUnsubscribeToken(SECRET, bad)).toBeNull();
  });
});
