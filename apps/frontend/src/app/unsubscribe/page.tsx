import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { UnsubscribeForm } from '@/components/settings/unsubscribe-form';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/**
 * The daily digest's unsubscribe link (no sign-in: the token is the credential). The change
 * waits for a click: mail scanners follow links in emails, and one must not unsubscribe anyone.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Daily digest" subtitle="Stop the daily digest email of your tasks.">
      {typeof token === 'string' && token ? (
        <UnsubscribeForm token={token} />
      ) : (
        <p className="form-message" role="alert">
          This unsubscribe link is not complete. Open the whole link from the email, or turn the
          digest off in Settings.
        </p>
      )}
    </AuthCard>
  );
}
