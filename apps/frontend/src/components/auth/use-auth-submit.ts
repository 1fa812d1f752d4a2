'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authErrorMessage } from '@/lib/auth/messages';

interface AuthError {
  code?: string | undefined;
  status?: number | undefined;
}

/** Runs a Better Auth client call; on success goes to `next`, on failure keeps a message. */
export function useAuthSubmit(next: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function run(call: () => Promise<{ error: AuthError | null }>) {
    setPending(true);
    setMessage(null);
    let error: AuthError | null;
    try {
      error = (await call()).error;
    } catch {
      error = { status: 0 };
    }
    if (error) {
      setMessage(authErrorMessage(error));
      setPending(false);
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return { pending, message, run };
}
