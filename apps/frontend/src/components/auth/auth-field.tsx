'use client';

import { type InputHTMLAttributes, useState } from 'react';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';

/** A labelled input with its hint and error wired up for screen readers. */
export function AuthField({
  id,
  label,
  hint,
  error,
  type = 'text',
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
} & InputHTMLAttributes<HTMLInputElement>) {
  const [revealed, setRevealed] = useState(false);
  const describedBy = [hint ? `${id}-hint` : '', error ? fieldErrorId(id) : '']
    .filter(Boolean)
    .join(' ');
  const password = type === 'password';
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className={password ? 'password-wrap' : undefined}>
        <input
          id={id}
          name={id}
          className="input"
          type={password && revealed ? 'text' : type}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? true : undefined}
          {...input}
        />
        {password ? (
          <button
            type="button"
            className="button button-ghost button-small reveal-button"
            aria-pressed={revealed}
            aria-controls={id}
            onClick={() => setRevealed((value) => !value)}
          >
            {revealed ? 'Hide' : 'Show'}
            <span className="visually-hidden"> password</span>
          </button>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError fieldId={id}>{error}</FieldError>
    </div>
  );
}
