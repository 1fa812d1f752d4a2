'use client';

import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { authClient } from '@/lib/auth/client';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/limits';
import { type SignUpInput, validateSignUp } from '@/lib/auth/messages';
import { signInHref } from '@/lib/auth/safe-redirect';
import type { FieldErrors } from '@/lib/forms/field-errors';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { AuthField } from './auth-field';
import { useAuthSubmit } from './use-auth-submit';

export function SignUpForm({ next }: { next: string }) {
  const [input, setInput] = useState<SignUpInput>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SignUpInput>>({});
  const { pending, message, run } = useAuthSubmit(next);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof SignUpInput, value: string) => setInput({ ...input, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignUp(input);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    void run(() =>
      authClient.signUp.email({
        name: input.name.trim(),
        email: input.email.trim(),
        password: input.password,
      }),
    );
  }

  return (
    <form ref={formRef} className="auth-form" noValidate onSubmit={submit}>
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      <AuthField
        id="name"
        label="Name"
        autoComplete="name"
        value={input.name}
        error={errors.name}
        onChange={(event) => set('name', event.target.value)}
        required
      />
      <AuthField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        value={input.email}
        error={errors.email}
        onChange={(event) => set('email', event.target.value)}
        required
      />
      <AuthField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        value={input.password}
        error={errors.password}
        onChange={(event) => set('password', event.target.value)}
        required
      />
      <button type="submit" className="button button-primary button-block" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="auth-switch">
        Already have an account? <Link href={signInHref(next)}>Sign in</Link>
      </p>
    </form>
  );
}
