'use server';

import { refresh } from 'next/cache';
import { revokeConnectedApp } from '@/lib/auth/connected-apps';
import { getSession } from '@/lib/auth/session';
import type { SettingsResult } from './actions';

/** Disconnects an assistant: its tokens stop working at once and it must ask again. */
export async function revokeConnectedAppAction(clientId: unknown): Promise<SettingsResult<null>> {
  if (typeof clientId !== 'string' || clientId.length === 0 || clientId.length > 200) {
    return { ok: false, message: 'That app is not one this account knows.' };
  }
  const session = await getSession().catch(() => null);
  if (!session) return { ok: false, message: 'Your session has expired. Sign in again.' };
  if (!(await revokeConnectedApp(session.user.id, clientId))) {
    return { ok: false, message: 'That app was already disconnected.' };
  }
  refresh();
  return { ok: true, data: null };
}
