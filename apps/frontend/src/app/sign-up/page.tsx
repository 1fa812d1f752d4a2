import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getSession } from '@/lib/auth';
import { safeNextPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <AuthCard title="Create your account" subtitle="It takes a few seconds. No email to confirm.">
      <SignUpForm next={next} />
    </AuthCard>
  );
}
