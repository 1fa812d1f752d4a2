'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
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
          // Better Auth's client (38 KB) loads on the click, not with every page. It answers an
          // HTTP error as { error }; a network failure, or the script not loading, rejects.
          const result = await import('@/lib/auth/client')
            .then(({ authClient }) => authClient.signOut())
            .catch(() => null);
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
