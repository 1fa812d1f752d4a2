import { INBOX_NAME } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { sql } from 'drizzle-orm';
import type { Transaction } from './restored-occurrence.js';

/**
 * The id of the user's Inbox, created on first need: migration 0004 gave every existing user
 * one, and a user who signs up later gets it with their first project or task. The id never
 * changes (the Inbox cannot be deleted), so callers may cache it per user.
 */
export async function inboxId(db: Database | Transaction, userId: string): Promise<number> {
  // Two attempts: when another request creates the Inbox at the same moment, this statement's
  // insert yields to it and its snapshot may predate that row; the second statement sees it.
  // The insert runs only when no Inbox is found: an insert that yields to a conflict still takes
  // an id from the sequence, and every task created without a project asks for the Inbox.
  // ON CONFLICT names no index: two first inserts collide on the unique name as well as on the
  // one-Inbox index, and a collision on an index that is not an arbiter is an error (23505 on
  // projects_user_name_idx): apps/backend/test/repositories/inbox.test.ts.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await db.execute<{ id: number }>(sql`
      with found as (
        select id from projects where user_id = ${userId} and is_inbox
      ), created as (
        insert into projects (user_id, name, is_inbox, position)
        select ${userId}, ${INBOX_NAME}, true, 0 where not exists (select from found)
        on conflict do nothing
        returning id
      )
      select id from found
      union all
      select id from created
      limit 1`);
    if (row) return row.id;
  }
  throw new Error('The Inbox could not be created');
}
