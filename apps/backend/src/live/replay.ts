import type { Database } from '@todo/db/client';
import type { ChangeEvent } from './change-hub.js';
import { changeLogBounds, changesAfter } from './change-log.js';

/** Most changes a reconnecting stream is sent one by one; beyond, the page reloads instead. */
export const REPLAY_LIMIT = 500;

export type Replay = { events: ChangeEvent[] } | { reset: number };

/** Last-Event-ID as a change id; null for anything that cannot be one. */
export function parseLastEventId(value: string | undefined): number | null | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * The user's changes after `after` (what a stream that dropped missed), or a reset: when there
 * are more than REPLAY_LIMIT, when some may have been pruned, or when the id is none the log ever
 * gave (a reset carries the newest id, so the page's next reconnect starts from there).
 */
export async function replayAfter(
  db: Database,
  userId: string,
  after: number | null,
): Promise<Replay> {
  const { oldest, latest } = await changeLogBounds(db);
  if (after === null || after > latest || (oldest > 0 && after + 1 < oldest)) {
    return { reset: latest };
  }
  const events = await changesAfter(db, [userId], after, REPLAY_LIMIT + 1);
  return events.length > REPLAY_LIMIT ? { reset: latest } : { events };
}
