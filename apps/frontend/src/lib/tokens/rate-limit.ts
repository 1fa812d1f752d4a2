import 'server-only';
import type { Database } from '@todo/db/client';
import { sql } from 'drizzle-orm';

const WINDOW_MS = 60_000;

export type TokenBudget = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request against a credential's budget for the current minute: a fixed-window counter
 * in Better Auth's `rate_limit` table (key `token:<credentialId>`), so every frontend replica
 * counts against the same budget. One atomic upsert; the window comes from the database's clock,
 * not each replica's. For these rows `last_request` holds the window's start (ms since the epoch).
 */
export async function spendTokenBudget(
  db: Database,
  credentialId: string,
  limitPerMinute: number,
): Promise<TokenBudget> {
  const rows = await db.execute<{ count: number; window_start: string; now_ms: string }>(sql`
    with clock as (
      select (extract(epoch from clock_timestamp()) * 1000)::bigint as now_ms
    )
    insert into rate_limit as counter (id, key, count, last_request)
    select gen_random_uuid()::text, ${`token:${credentialId}`}, 1, now_ms - now_ms % ${sql.raw(String(WINDOW_MS))}
    from clock
    on conflict (key) do update set
      count = case when counter.last_request = excluded.last_request then counter.count + 1 else 1 end,
      last_request = excluded.last_request
    returning count, last_request as window_start, (select now_ms from clock) as now_ms`);
  const row = rows[0];
  if (!row || row.count <= limitPerMinute) return { allowed: true };
  const windowEnd = Number(row.window_start) + WINDOW_MS;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - Number(row.now_ms)) / 1000)),
  };
}
