// Signing up through the frontend as a browser does: Better Auth's email endpoint, the request's
// own origin (BETTER_AUTH_URL unset trusts exactly that), the session cookie from the answer.
import { randomBytes } from 'node:crypto';

export interface SignUp {
  status: number;
  body: { user?: { id?: string; email?: string } } | null;
  email: string;
  userId: string | undefined;
  /** The Cookie header a browser would send from now on. */
  cookie: string;
}

export async function signUp(origin: string, label: string): Promise<SignUp> {
  const email = `${label}-${randomBytes(6).toString('hex')}@example.com`;
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: `${label} user`, email, password: `${label}-Test-password-1` }),
  });
  const body = (await response.json().catch(() => null)) as SignUp['body'];
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { status: response.status, body, email, userId: body?.user?.id, cookie };
}
