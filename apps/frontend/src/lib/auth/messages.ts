import {
  IMAGE_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@/lib/auth/limits';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

import type { FieldErrors } from '@/lib/forms/field-errors';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!EMAIL_PATTERN.test(email.trim())) return 'Enter an email address like name@example.com.';
  return undefined;
}

export function validatePassword(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`;
  }
  return undefined;
}

export function validateName(name: string): string | undefined {
  if (!name.trim()) return 'Enter your name.';
  if (name.trim().length > NAME_MAX_LENGTH) return `Use at most ${NAME_MAX_LENGTH} characters.`;
  return undefined;
}

/**
 * The server's check of the account fields a client may set (sign-up, update-user): the form's
 * rule for the name, and a bound on the image URL. Undefined when they may be stored.
 */
export function accountFieldsProblem(fields: {
  name?: unknown;
  image?: unknown;
}): string | undefined {
  if (fields.name !== undefined) {
    const problem =
      typeof fields.name === 'string' ? validateName(fields.name) : 'Enter your name.';
    if (problem) return `Name: ${problem}`;
  }
  if (fields.image != null) {
    if (typeof fields.image !== 'string' || fields.image.length > IMAGE_MAX_LENGTH) {
      return `Image: use a URL of at most ${IMAGE_MAX_LENGTH} characters.`;
    }
  }
  return undefined;
}

/** Field messages shown before anything is sent; an empty object means the form may submit. */
export function validateSignUp(input: SignUpInput): FieldErrors<keyof SignUpInput> {
  const errors: FieldErrors<keyof SignUpInput> = {};
  const name = validateName(input.name);
  if (name) errors.name = name;
  const email = validateEmail(input.email);
  if (email) errors.email = email;
  const password = validatePassword(input.password);
  if (password) errors.password = password;
  return errors;
}

export function validateSignIn(input: {
  email: string;
  password: string;
}): FieldErrors<'email' | 'password'> {
  const errors: FieldErrors<'email' | 'password'> = {};
  const email = validateEmail(input.email);
  if (email) errors.email = email;
  if (!input.password) errors.password = 'Enter your password.';
  return errors;
}

/** Better Auth error codes → what a person should read. */
const AUTH_ERROR_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'That email and password do not match. Check them and try again.',
  INVALID_PASSWORD: 'That email and password do not match. Check them and try again.',
  USER_ALREADY_EXISTS: 'An account with this email already exists. Sign in instead.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
    'An account with this email already exists. Sign in instead.',
  PASSWORD_TOO_SHORT: `That password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`,
  PASSWORD_TOO_LONG: `That password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`,
  INVALID_EMAIL: 'Enter an email address like name@example.com.',
  INVALID_ACCOUNT_FIELD: `Enter a name of at most ${NAME_MAX_LENGTH} characters.`,
};

export function authErrorMessage(error: {
  code?: string | undefined;
  status?: number | undefined;
}): string {
  const known = error.code ? AUTH_ERROR_MESSAGES[error.code] : undefined;
  if (known) return known;
  if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  if (error.status === 403) return 'This request was refused. Reload the page and try again.';
  if (error.status === undefined || error.status === 0 || error.status >= 500) {
    return 'Signing in is unavailable right now. Try again in a moment.';
  }
  return 'Something went wrong. Try again.';
}
