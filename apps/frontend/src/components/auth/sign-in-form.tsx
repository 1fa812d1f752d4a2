'use client';

import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { authClient } from '@/lib/auth/client';
import { validateSignIn } from '@/lib/auth/messages';
import { signInHref } from '@/lib/auth/safe-redirect';
import type { FieldErrors } from '@/lib/forms/field-errors';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { AuthField } from './auth-field';
import { useAuthSubmit } from './use-auth-submit';

export function SignInForm({ next }: { next: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const { pending, message, run } = useAuthSubmit(next);
  const formRef = useRef<HTMLFormElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    void run(() => authClient.signIn.email({ email: email.trim(), password }));
  }

  return (
    <form ref={formRef} className="auth-form" noValidate onSubmit={submit}>
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      <AuthField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        error={errors.email}
        onChange={(event) => setEmail(event.target.value)}
        required
      />
      <AuthField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={errors.password}
        onChange={(event) => setPassword(event.target.value)}
        required
      />
      <button type="submit" className="button button-primary button-block" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="auth-switch">
        New here? <Link href={signInHref(next, '/sign-up')}>Create an account</Link>
      </p>
    </form>
  );
}
