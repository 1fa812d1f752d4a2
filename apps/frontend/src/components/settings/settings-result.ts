import 'server-only';
import { refresh } from 'next/cache';
import { getSession } from '@/lib/auth/session';
import { type BackendClient, backendFor } from '@/lib/backend/client';
import { type BackendResult, type FieldError, failure } from '@/lib/backend/result';

/** What a settings action answers: the page shows the message (and listed errors) of a failure. */
export type SettingsResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; errors?: FieldError[] };

/**
 * Runs a backend call as the signed-in user and refreshes the page after it worked. Kept out of
 * the 'use server' files: every export of those is an action a browser can call.
 */
export async function asUser<T>(
  call: (client: BackendClient) => Promise<BackendResult<T>>,
): Promise<SettingsResult<T>> {
  const session = await getSession().catch(() => null);
  const result = session
    ? await call(backendFor(session.user.id))
    : failure('unauthorized', 'Your session has expired. Sign in again.');
  if (!result.ok) return { ok: false, message: result.message, errors: result.fieldErrors };
  refresh();
  return result;
}
