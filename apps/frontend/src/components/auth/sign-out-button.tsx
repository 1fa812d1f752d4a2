'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/lib/auth-client';

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button button-ghost button-small"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await authClient.signOut().catch(() => null);
        router.replace('/');
        router.refresh();
        setPending(false);
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
