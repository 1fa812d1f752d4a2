import { describe, expect, it } from 'vitest';
import { parseTokenDraft, type TokenDraft } from '@/lib/tokens/token-draft';

const NOW = new Date('2026-03-10T12:00:00Z');
const draft = (change: Partial<TokenDraft> = {}): TokenDraft => ({
  name: 'Laptop',
  scope: 'read',
  expiry: '30',
  expiryDate: '',
  ...change,
});

describe('parseTokenDraft', () => {
  it('takes a name, a scope and an expiry in days', () => {
    expect(parseTokenDraft(draft({ name: '  Laptop  ' }), NOW, 'UTC')).toEqual({
      ok: true,
      value: { name: 'Laptop', scope: 'read', expiresAt: new Date('2026-04-09T12:00:00Z') },
    });
    expect(parseTokenDraft(draft({ expiry: '7', scope: 'write' }), NOW, 'UTC')).toMatchObject({
      ok: true,
      value: { scope: 'write', expiresAt: new Date('2026-03-17T12:00:00Z') },
    });
    expect(parseTokenDraft(draft({ expiry: 'never' }), NOW, 'UTC')).toMatchObject({
      ok: true,
      value: { expiresAt: null },
    });
  });

  it('reads a date as the last day the token works, in the user’s zone', () => {
    expect(
      parseTokenDraft(draft({ expiry: 'date', expiryDate: '2026-03-20' }), NOW, 'Europe/Berlin'),
    ).toMatchObject({ ok: true, value: { expiresAt: new Date('2026-03-20T23:00:00Z') } });
    expect(
      parseTokenDraft(draft({ expiry: 'date', expiryDate: '2026-03-10' }), NOW, 'UTC'),
    ).toMatchObject({ ok: true, value: { expiresAt: new Date('2026-03-11T00:00:00Z') } });
  });

  it('names each field that is wrong', () => {
    expect(
      parseTokenDraft(draft({ name: ' ', scope: 'admin', expiry: '365' }), NOW, 'UTC'),
    ).toEqual({
      ok: false,
      errors: {
        name: expect.stringContaining('name'),
        scope: expect.any(String),
        expiry: expect.any(String),
      },
    });
    expect(parseTokenDraft(draft({ name: 'x'.repeat(101) }), NOW, 'UTC')).toMatchObject({
      ok: false,
      errors: { name: 'Keep the name to 100 characters.' },
    });
    expect(parseTokenDraft(draft({ name: 'x'.repeat(100) }), NOW, 'UTC').ok).toBe(true);
    for (const expiryDate of ['', '2026-02-30', 'tomorrow', '2026-03-09', '2032-01-01']) {
      expect(parseTokenDraft(draft({ expiry: 'date', expiryDate }), NOW, 'UTC')).toMatchObject({
        ok: false,
        errors: { expiryDate: expect.any(String) },
      });
    }
  });
});
