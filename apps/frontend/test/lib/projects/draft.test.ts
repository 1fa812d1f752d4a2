import { describe, expect, it } from 'vitest';
import { validateProjectDraft } from '@/lib/projects/draft';

describe('validateProjectDraft', () => {
  it('trims the name and keeps the colour', () => {
    expect(validateProjectDraft({ name: '  Home ', color: 'teal' })).toEqual({
      ok: true,
      body: { name: 'Home', color: 'teal' },
    });
  });

  it('names what is wrong, field by field', () => {
    expect(validateProjectDraft({ name: '   ', color: 'teal' })).toEqual({
      ok: false,
      errors: { name: 'Give the project a name.' },
    });
    const long = validateProjectDraft({ name: 'x'.repeat(61), color: 'teal' });
    expect(long.ok ? '' : long.errors.name).toBe('Keep the name to 60 characters (it has 61).');
    // A colour a tampered request sends is refused, not stored.
    const odd = validateProjectDraft({ name: 'Home', color: 'gold' as never });
    expect(odd.ok ? '' : odd.errors.color).toBe('Choose one of the colours.');
  });
});
