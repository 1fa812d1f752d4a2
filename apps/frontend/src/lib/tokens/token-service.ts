import 'server-only';
import { type Database, schema } from '@todo/db/client';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { newPersonalToken } from '@/lib/tokens/personal-token';
import type { NewTokenInput } from '@/lib/tokens/token-draft';

/** Enough for every script and assistant a person runs; a leak of many is harder to miss. */
export const MAX_TOKENS_PER_USER = 50;

/** A token as the settings list shows it: never the token itself, nor its hash. */
export interface PersonalTokenItem {
  id: number;
  name: string;
  scope: 'read' | 'write';
  /** The token's last four characters after an ellipsis: "…abcd". */
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  expired: boolean;
}

export type CreateTokenResult =
  | { ok: true; token: string; item: PersonalTokenItem }
  | { ok: false; message: string };

const tokens = schema.personalAccessTokens;
const columns = {
  id: tokens.id,
  name: tokens.name,
  scope: tokens.scope,
  hint: tokens.hint,
  createdAt: tokens.createdAt,
  expiresAt: tokens.expiresAt,
  lastUsedAt: tokens.lastUsedAt,
};
interface Row {
  id: number;
  name: string;
  scope: 'read' | 'write';
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

function toItem(row: Row, now: Date): PersonalTokenItem {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    hint: `…${row.hint}`,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime(),
  };
}

/**
 * Makes a token for the user and returns it, the only time it exists in plain text: the table
 * keeps its SHA-256 and last four characters. A per-user advisory lock makes the count and the
 * insert one step, so two tabs at once cannot pass the limit.
 */
export async function createPersonalToken(
  db: Database,
  userId: string,
  input: NewTokenInput,
  now = new Date(),
): Promise<CreateTokenResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`pat:${userId}`}, 0))`);
    const [existing] = await tx
      .select({ n: count() })
      .from(tokens)
      .where(eq(tokens.userId, userId));
    if ((existing?.n ?? 0) >= MAX_TOKENS_PER_USER) {
      return {
        ok: false,
        message: `You have ${MAX_TOKENS_PER_USER} tokens, the most one account may have. Revoke one you no longer use first.`,
      };
    }
    const { token, hash, hint } = newPersonalToken();
    const [row] = await tx
      .insert(tokens)
      .values({
        userId,
        name: input.name,
        scope: input.scope,
        tokenHash: hash,
        hint,
        expiresAt: input.expiresAt,
      })
      .returning(columns);
    if (!row) throw new Error('the token was not stored');
    return { ok: true, token, item: toItem(row, now) };
  });
}

/** The user's tokens, oldest first, expired ones marked. */
export async function listPersonalTokens(
  db: Database,
  userId: string,
  now = new Date(),
): Promise<PersonalTokenItem[]> {
  const rows = await db
    .select(columns)
    .from(tokens)
    .where(eq(tokens.userId, userId))
    .orderBy(asc(tokens.createdAt), asc(tokens.id));
  return rows.map((row) => toItem(row, now));
}

/** Deletes one of the user's tokens; false when the user has no token with that id. */
export async function revokePersonalToken(
  db: Database,
  userId: string,
  id: number,
): Promise<boolean> {
  const deleted = await db
    .delete(tokens)
    .where(and(eq(tokens.id, id), eq(tokens.userId, userId)))
    .returning({ id: tokens.id });
  return deleted.length > 0;
}
