'use client';

import { type FormEvent, useRef, useState, useTransition } from 'react';
import { describedBy, Field } from '@/components/ui/field-error';
import { focusFirstInvalid } from '@/components/ui/focus-first-invalid';
import type { FieldErrors } from '@/lib/forms/field-errors';
import {
  parseTokenDraft,
  TOKEN_EXPIRY_OPTIONS,
  TOKEN_NAME_MAX,
  TOKEN_SCOPE_OPTIONS,
  type TokenDraft,
  type TokenField,
} from '@/lib/tokens/token-draft';
import { createAccessTokenAction } from './access-token-actions';
import { NewAccessToken } from './new-access-token';

const EMPTY: TokenDraft = { name: '', scope: 'read', expiry: '30', expiryDate: '' };

/** The new-token form; a made token is shown once above it. */
export function AccessTokenForm({ timeZone }: { timeZone: string }) {
  const [draft, setDraft] = useState<TokenDraft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<TokenField>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [made, setMade] = useState<{ token: string; name: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);

  const change = (field: TokenField, value: string) => setDraft({ ...draft, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const checked = parseTokenDraft(draft, new Date(), timeZone);
    if (!checked.ok) return refuse('Check the fields marked.', checked.errors);
    startTransition(async () => {
      const answer = await createAccessTokenAction(draft).catch(() => null);
      if (!answer) return refuse('The token was not made. Try again.', {});
      if (!answer.ok) return refuse(answer.message, answer.errors ?? {});
      setErrors({});
      setMessage(null);
      setDraft(EMPTY);
      setMade(answer);
    });
  }

  function refuse(text: string, fieldErrors: FieldErrors<TokenField>) {
    setErrors(fieldErrors);
    setMessage(text);
    focusFirstInvalid(form.current);
  }

  return (
    <div className="settings-group">
      {made ? <NewAccessToken {...made} onDone={() => setMade(null)} /> : null}
      <h3 className="settings-subheading">New token</h3>
      <form
        ref={form}
        className="settings-group"
        onSubmit={submit}
        noValidate
        aria-busy={pending || undefined}
        aria-label="New access token"
      >
        <Field id="token-name" label="Name" error={errors.name}>
          <input
            id="token-name"
            className="input"
            value={draft.name}
            maxLength={TOKEN_NAME_MAX}
            placeholder="Laptop script, Claude Desktop…"
            onChange={(event) => change('name', event.target.value)}
            {...describedBy('token-name', errors.name)}
          />
        </Field>
        <ChoiceField
          id="token-scope"
          label="Access"
          value={draft.scope}
          options={TOKEN_SCOPE_OPTIONS}
          error={errors.scope}
          onChange={(value) => change('scope', value)}
        />
        <ChoiceField
          id="token-expiry"
          label="Expires"
          value={draft.expiry}
          options={TOKEN_EXPIRY_OPTIONS}
          error={errors.expiry}
          onChange={(value) => change('expiry', value)}
        />
        {draft.expiry === 'date' ? (
          <Field id="token-expiry-date" label={`Last day (${timeZone})`} error={errors.expiryDate}>
            <input
              id="token-expiry-date"
              type="date"
              className="input"
              value={draft.expiryDate}
              onChange={(event) => change('expiryDate', event.target.value)}
              {...describedBy('token-expiry-date', errors.expiryDate)}
            />
          </Field>
        ) : null}
        {message ? (
          <p className="form-message" role="alert">
            {message}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button-primary button-small" disabled={pending}>
            Create token
          </button>
        </div>
      </form>
    </div>
  );
}

/** A labelled select of fixed options, with its error message. */
function ChoiceField({
  id,
  label,
  value,
  options,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(id, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
