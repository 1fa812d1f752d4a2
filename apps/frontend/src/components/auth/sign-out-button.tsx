'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/lib/auth/client';
import { forgetCachedPages } from '@/lib/pwa/service-worker';

const FAILED_MESSAGE =
  'Could not sign out: the server did not answer. You are still signed in — try again.';

/**
 * Signs out, then leaves for the landing page. A failed sign-out stays here and says so: going
 * away would look like success while the session is still valid.
 */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small"
        disabled={pending}
        aria-describedby={failed ? 'sign-out-error' : undefined}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          // Better Auth answers an HTTP error as { error }; a network failure rejects.
          const result = await authClient.signOut().catch(() => null);
          if (!result || result.error) {
            setFailed(true);
            setPending(false);
            return;
          }
          await forgetCachedPages().catch(() => undefined);
          router.replace('/');
          router.refresh();
          setPending(false);
        }}
      >
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {failed ? (
        <p id="sign-out-error" className="form-message sign-out-error" role="alert">
          {FAILED_MESSAGE}
        </p>
      ) : null}
    </>
  );
}
