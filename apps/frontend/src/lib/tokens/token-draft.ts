import { fromDateTimeLocal, startOfZonedDay } from '@todo/schedule';
import type { FieldErrors } from '@/lib/forms/field-errors';

/**
 * The new-token form's fields and their rules, run unchanged in the browser (before sending) and
 * by the server action (the check that counts).
 */
export interface TokenDraft {
  name: string;
  scope: string;
  /** One of TOKEN_EXPIRY_OPTIONS' values. */
  expiry: string;
  /** YYYY-MM-DD, used when expiry is "date": the token works through the end of that day. */
  expiryDate: string;
}

export type TokenField = keyof TokenDraft;

export interface NewTokenInput {
  name: string;
  scope: 'read' | 'write';
  /** Null: never expires. */
  expiresAt: Date | null;
}

export const TOKEN_NAME_MAX = 100;

export const TOKEN_SCOPE_OPTIONS = [
  { value: 'read', label: 'Read only' },
  { value: 'write', label: 'Read and write' },
] as const;

export const TOKEN_EXPIRY_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'date', label: 'On a date' },
  { value: 'never', label: 'Never' },
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A chosen date further out than this is more likely a typo than a plan; "Never" says it. */
const LATEST_EXPIRY_DAYS = 5 * 366;

export type TokenDraftResult =
  | { ok: true; value: NewTokenInput }
  | { ok: false; errors: FieldErrors<TokenField> };

/** Checks a draft; an expiry date is read as a day in `timeZone` (the user's). */
export function parseTokenDraft(draft: TokenDraft, now: Date, timeZone: string): TokenDraftResult {
  const errors: FieldErrors<TokenField> = {};
  const name = draft.name.trim();
  if (name.length === 0) errors.name = 'Give the token a name, to recognise it in the list.';
  else if (name.length > TOKEN_NAME_MAX) {
    errors.name = `Keep the name to ${TOKEN_NAME_MAX} characters.`;
  }
  const scope = draft.scope === 'read' || draft.scope === 'write' ? draft.scope : null;
  if (!scope) errors.scope = 'Choose what the token may do.';
  const expiresAt = expiryFrom(draft, now, timeZone, errors);
  if (!scope || expiresAt === undefined || errors.name) return { ok: false, errors };
  return { ok: true, value: { name, scope, expiresAt } };
}

/** The expiry instant, null for never, undefined (with the error recorded) when invalid. */
function expiryFrom(
  draft: TokenDraft,
  now: Date,
  timeZone: string,
  errors: FieldErrors<TokenField>,
): Date | null | undefined {
  if (draft.expiry === 'never') return null;
  if (draft.expiry === '7' || draft.expiry === '30' || draft.expiry === '90') {
    return new Date(now.getTime() + Number(draft.expiry) * DAY_MS);
  }
  if (draft.expiry !== 'date') {
    errors.expiry = 'Choose when the token expires.';
    return undefined;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(draft.expiryDate)
    ? fromDateTimeLocal(`${draft.expiryDate}T00:00`, timeZone)
    : null;
  if (!day) {
    errors.expiryDate = 'Enter the last day the token works.';
    return undefined;
  }
  const end = startOfZonedDay(day, timeZone, 1);
  if (end.getTime() <= now.getTime()) {
    errors.expiryDate = 'Choose today or a later day.';
    return undefined;
  }
  if (end.getTime() > now.getTime() + LATEST_EXPIRY_DAYS * DAY_MS) {
    errors.expiryDate = 'Choose a day within five years, or "Never".';
    return undefined;
  }
  return end;
}
