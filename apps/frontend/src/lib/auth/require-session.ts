import 'server-only';
import { redirect } from 'next/navigation';
import { signInHref } from '@/lib/auth/safe-redirect';
import { getSession, type Session } from '@/lib/auth/session';

/** The session of a signed-in page; a visitor is sent to sign in and brought back here after. */
export async function requireSession(path: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(signInHref(path));
  return session;
}
