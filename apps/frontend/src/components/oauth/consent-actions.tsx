'use client';

import { useState } from 'react';
import { authClient } from '@/lib/auth/client';

/**
 * Allow / Deny. Either answer goes to Better Auth with the page's signed request (its client
 * plugin adds it), which answers with where to send the browser: back to the app, with a code
 * or with `access_denied`. Better Auth's client follows that redirect itself.
 */
export function ConsentActions() {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function answer(accept: boolean) {
    setPending(true);
    setMessage(null);
    const { error } = await authClient.$fetch('/oauth2/consent', {
      method: 'POST',
      body: { accept },
    });
    if (error) {
      setMessage('This request has expired or is not valid. Start connecting again from the app.');
      setPending(false);
    }
  }

  return (
    <div className="consent-actions">
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-primary button-block"
        disabled={pending}
        onClick={() => void answer(true)}
      >
        Allow
      </button>
      <button
        type="button"
        className="button button-ghost button-block"
        disabled={pending}
        onClick={() => void answer(false)}
      >
        Deny
      </button>
    </div>
  );
}
