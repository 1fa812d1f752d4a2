import 'server-only';
import { type Database, schema } from '@todo/db/client';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';

/**
 * Records that a personal access token was used, at most once a minute per token: the condition
 * lives in the UPDATE, so the calls in between write no row (and no WAL) on any replica.
 * Other credentials (OAuth) keep their own records.
 */
export async function recordTokenUse(db: Database, credentialId: string): Promise<void> {
  const id = personalTokenId(credentialId);
  if (id === null) return;
  const tokens = schema.personalAccessTokens;
  await db
    .update(tokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(tokens.id, id),
        or(isNull(tokens.lastUsedAt), lt(tokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}

/** The row id in a "pat:<id>" credential id, or null for any other kind of credential. */
export function personalTokenId(credentialId: string): number | null {
  const match = /^pat:([1-9][0-9]*)$/.exec(credentialId);
  return match?.[1] ? Number(match[1]) : null;
}
