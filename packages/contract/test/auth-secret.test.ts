import { authSecretProblem } from '@todo/contract';
import { describe, expect, it } from 'vitest';

describe('authSecretProblem', () => {
  it('requires the secret in production only', () => {
    expect(authSecretProblem(undefined, true)).toMatch(/BETTER_AUTH_SECRET is required/);
    expect(authSecretProblem('', true)).toMatch(/BETTER_AUTH_SECRET is required/);
    expect(authSecretProblem(undefined, false)).toBeNull();
  });

  it('refuses a short secret without printing it', () => {
    const problem = authSecretProblem('short-secret-value', false);
    expect(problem).toMatch(/at least 32 characters/);
    expect(problem).not.toContain('short-secret-value');
  });

  it('accepts 32 characters', () => {
    expect(authSecretProblem('x'.repeat(32), true)).toBeNull();
  });
});
