'use client';

import { useActionState } from 'react';
import { unsubscribeAction } from './actions';
import type { SettingsResult } from './settings-result';

/** One button; then what happened, in words. */
export function UnsubscribeForm({ token }: { token: string }) {
  const [result, unsubscribe, pending] = useActionState<SettingsResult<null> | null>(
    () => unsubscribeAction(token),
    null,
  );
  if (result?.ok) {
    return (
      <p role="status">
        You are unsubscribed: no more daily digest emails. Reminders you set on tasks still come.
      </p>
    );
  }
  return (
    <form action={unsubscribe}>
      {result ? (
        <p className="form-message" role="alert">
          {result.message}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Unsubscribing…' : 'Unsubscribe from the daily digest'}
      </button>
    </form>
  );
}
