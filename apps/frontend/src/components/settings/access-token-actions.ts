'use server';

import { refresh } from 'next/cache';
import { getSession } from '@/lib/auth/session';
import { getDatabase } from '@/lib/db/database';
import type { FieldErrors } from '@/lib/forms/field-errors';
import { userTimeZone } from '@/lib/time-zone/server';
import { parseTokenDraft, type TokenDraft, type TokenField } from '@/lib/tokens/token-draft';
import { createPersonalToken, revokePersonalToken } from '@/lib/tokens/token-service';
import type { SettingsResult } from './actions';

export type CreateAccessTokenResult =
  | { ok: true; token: string; name: string }
  | { ok: false; message: string; errors?: FieldErrors<TokenField> };

const SIGNED_OUT = { ok: false, message: 'Your session has expired. Sign in again.' } as const;

/** Makes a token for the signed-in user; the answer holds it the one time it is shown. */
export async function createAccessTokenAction(draft: TokenDraft): Promise<CreateAccessTokenResult> {
  const session = await getSession().catch(() => null);
  if (!session) return SIGNED_OUT;
  const fields = ['name', 'scope', 'expiry', 'expiryDate'] as const;
  if (!fields.every((field) => typeof draft?.[field] === 'string')) {
    return { ok: false, message: 'That form is not one this app knows.' };
  }
  const parsed = parseTokenDraft(draft, new Date(), await userTimeZone());
  if (!parsed.ok) return { ok: false, message: 'Check the fields marked.', errors: parsed.errors };
  const made = await createPersonalToken(getDatabase(), session.user.id, parsed.value);
  if (!made.ok) return made;
  refresh();
  return { ok: true, token: made.token, name: made.item.name };
}

/** Deletes one of the signed-in user's tokens; any other id is "not found". */
export async function revokeAccessTokenAction(id: number): Promise<SettingsResult<null>> {
  const session = await getSession().catch(() => null);
  if (!session) return SIGNED_OUT;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    return { ok: false, message: 'That token is not one this app knows.' };
  }
  const revoked = await revokePersonalToken(getDatabase(), session.user.id, id);
  if (!revoked) return { ok: false, message: 'That token was already revoked.' };
  refresh();
  return { ok: true, data: null };
}
