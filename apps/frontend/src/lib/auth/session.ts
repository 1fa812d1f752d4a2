import 'server-only';
import { withoutQuery } from '@todo/db/errors';
import { headers } from 'next/headers';
import { cache } from 'react';
import { type Auth, createAuth } from '@/lib/auth/config';
import { getServerEnv } from '@/lib/env/server';

let instance: Auth | undefined;

/** The one Better Auth instance, created on first use so that `next build` needs no secrets. */
export function getAuth(): Auth {
  instance ??= createAuth(getServerEnv());
  return instance;
}

export type Session = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;

/** The signed-in user's session for this request, or null (read once per render). */
export const getSession = cache(async (): Promise<Session | null> => {
  // Reading the request first makes the page dynamic before any environment is needed.
  const requestHeaders = await headers();
  return withoutQueries(getAuth().api.getSession({ headers: requestHeaders }));
});

/**
 * Next logs whatever a page or a route throws, and a failed query carries its parameters:
 * session tokens, emails. Such an error leaves as a DatabaseError with only its code.
 */
export async function withoutQueries<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw withoutQuery(error);
  }
}
