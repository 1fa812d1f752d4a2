import type { Database } from '@todo/db/client';
import { inboxId } from './inbox.js';

// Ids of a few thousand users fit in well under a megabyte; past that the oldest are dropped.
const MAX_USERS = 10_000;

/**
 * The user's Inbox id, remembered after the first look-up: it never changes (the Inbox cannot
 * be deleted), and creating a task in it then takes one statement instead of two.
 */
export function createInboxCache(db: Database) {
  const ids = new Map<string, number>();
  return async (userId: string): Promise<number> => {
    const known = ids.get(userId);
    if (known !== undefined) return known;
    const id = await inboxId(db, userId);
    if (ids.size >= MAX_USERS) ids.delete(ids.keys().next().value ?? '');
    ids.set(userId, id);
    return id;
  };
}
