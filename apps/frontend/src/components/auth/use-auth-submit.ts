'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authErrorMessage } from '@/lib/auth/messages';

interface AuthError {
  code?: string | undefined;
  status?: number | undefined;
}

/** Better Auth's answer when the browser must go elsewhere: its client navigates there itself. */
function isRedirect(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'redirect' in data && data.redirect === true;
}

/**
 * Runs a Better Auth client call; on success goes to `next`, on failure keeps a message. A sign-in
 * on the way to an assistant's consent page is answered with a redirect (the OAuth request
 * resumes), which Better Auth's client follows: then `next` is not where the user goes.
 */
export function useAuthSubmit(next: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function run(call: () => Promise<{ data?: unknown; error: AuthError | null }>) {
    setPending(true);
    setMessage(null);
    let error: AuthError | null;
    let data: unknown;
    try {
      ({ data, error } = await call());
    } catch {
      error = { status: 0 };
    }
    if (error) {
      setMessage(authErrorMessage(error));
      setPending(false);
      return;
    }
    if (isRedirect(data)) return;
    router.replace(next);
    router.refresh();
  }

  return { pending, message, run };
}
