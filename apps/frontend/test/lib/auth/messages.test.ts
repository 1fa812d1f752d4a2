import { describe, expect, it } from 'vitest';
import {
  accountFieldsProblem,
  authErrorMessage,
  validateSignIn,
  validateSignUp,
} from '@/lib/auth/messages';

describe('sign-up validation', () => {
  it('accepts a complete form', () => {
    expect(
      validateSignUp({ name: 'Ada', email: 'ada@example.com', password: 'long enough' }),
    ).toEqual({});
  });

  it('explains each problem in words', () => {
    expect(validateSignUp({ name: ' ', email: 'ada@', password: 'short' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address like name@example.com.',
      password: 'Use at least 8 characters for your password.',
    });
    expect(validateSignUp({ name: 'A', email: '', password: 'x'.repeat(129) })).toEqual({
      email: 'Enter your email address.',
      password: 'Use at most 128 characters for your password.',
    });
    expect(
      validateSignUp({ name: 'x'.repeat(101), email: 'a@b.co', password: '12345678' }),
    ).toEqual({
      name: 'Use at most 100 characters.',
    });
  });
});

describe('the server check of account fields', () => {
  it('holds the form’s name rule and bounds the image URL', () => {
    expect(accountFieldsProblem({ name: 'Ada', image: null })).toBeUndefined();
    expect(accountFieldsProblem({ image: 'https://example.com/ada.png' })).toBeUndefined();
    expect(accountFieldsProblem({ name: 'x'.repeat(101) })).toBe(
      'Name: Use at most 100 characters.',
    );
    expect(accountFieldsProblem({ name: '  ' })).toBe('Name: Enter your name.');
    expect(accountFieldsProblem({ name: 42 })).toBe('Name: Enter your name.');
    expect(accountFieldsProblem({ image: 'x'.repeat(2049) })).toMatch(/^Image: /);
  });
});

describe('sign-in validation', () => {
  it('needs an email and a password but does not judge the password', () => {
    expect(validateSignIn({ email: 'ada@example.com', password: 'x' })).toEqual({});
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });
});

describe('authErrorMessage', () => {
  it.each([
    [{ code: 'INVALID_EMAIL_OR_PASSWORD', status: 401 }, /email and password do not match/],
    [{ code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', status: 422 }, /already exists/],
    [{ code: 'USER_ALREADY_EXISTS', status: 422 }, /already exists/],
    [{ code: 'PASSWORD_TOO_SHORT', status: 400 }, /at least 8 characters/],
    [{ code: 'PASSWORD_TOO_LONG', status: 400 }, /at most 128 characters/],
    [{ code: 'INVALID_EMAIL', status: 400 }, /email address like/],
    [{ status: 429 }, /Too many attempts/],
    [{ code: 'INVALID_ORIGIN', status: 403 }, /refused/],
    [{ status: 0 }, /unavailable/],
    [{ status: 503 }, /unavailable/],
    [{ code: 'SOMETHING_NEW', status: 400 }, /Something went wrong/],
  ])('%j → %s', (error, message) => {
    expect(authErrorMessage(error)).toMatch(message);
  });
});
