import { createDatabase } from '@todo/db/client';
import type { FastifyBaseLogger } from 'fastify';
import type { ChangeHub } from './change-hub.js';
import { changeLogBounds, changesAfter, changesWithIds } from './change-log.js';

/** The channel record_change() (migration 0007) announces every change on. */
const CHANNEL = 'change_events';
/** Most changes sent one by one after the connection came back; beyond, the pages reload. */
export const CATCH_UP_LIMIT = 500;

export interface ChangeListenerOptions {
  url: string;
  hub: ChangeHub;
  log: FastifyBaseLogger;
}

/** The payload record_change() sends, or null for anything else. */
function parseNotice(payload: string): { id: number; userId: string } | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const { id, user_id: userId } = value as Record<string, unknown>;
    return typeof id === 'number' && typeof userId === 'string' ? { id, userId } : null;
  } catch {
    return null;
  }
}

/**
 * This process's one LISTEN connection, feeding the hub. postgres.js reconnects a listener whose
 * connection closed (also after the database refused connections for a while:
 * test/live/events.test.ts), and every (re)listen catches up from the last change seen.
 */
export function createChangeListener(options: ChangeListenerOptions) {
  const { hub, log } = options;
  let connection: ReturnType<typeof createDatabase> | undefined;
  /** The newest change id this process knows of; undefined until the first listen. */
  let lastSeen: number | undefined;
  /** Announced changes of users with open streams, read in one query per tick. */
  const pending = new Map<number, string>();

  async function publishPending() {
    const batch = new Map(pending);
    pending.clear();
    const db = connection?.db;
    if (!db || batch.size === 0) return;
    try {
      hub.publish(await changesWithIds(db, [...batch.keys()]));
    } catch (error) {
      // The changes are in the log but could not be read: those pages reload instead.
      log.warn({ err: error }, 'live updates: reading changes failed; resetting their streams');
      hub.reset([...new Set(batch.values())], Math.max(...batch.keys()));
    }
  }

  function onNotify(payload: string) {
    const notice = parseNotice(payload);
    if (!notice) return;
    lastSeen = Math.max(lastSeen ?? 0, notice.id);
    if (!hub.has(notice.userId)) return;
    if (pending.size === 0) setImmediate(() => void publishPending());
    pending.set(notice.id, notice.userId);
  }

  /** After any (re)listen: what was announced while no one listened is read from the log. */
  async function onListen(db: ReturnType<typeof createDatabase>['db']) {
    try {
      const { latest } = await changeLogBounds(db);
      const after = lastSeen;
      lastSeen = Math.max(lastSeen ?? 0, latest);
      const users = hub.users();
      if (after === undefined || users.length === 0) return;
      const missed = await changesAfter(db, users, after, CATCH_UP_LIMIT + 1);
      if (missed.length > CATCH_UP_LIMIT) hub.reset(users, latest);
      else hub.publish(missed);
      if (missed.length > 0) log.info({ missed: missed.length }, 'live updates: caught up');
    } catch (error) {
      log.warn({ err: error }, 'live updates: catching up failed; resetting every stream');
      hub.reset(hub.users());
    }
  }

  return {
    /**
     * Listens. A database that is down delays live updates, not the start: after a first attempt
     * this returns, and the attempts go on in the background.
     */
    async start() {
      const listening = createDatabase(options.url, {
        max: 1,
        connectTimeoutSeconds: 3,
        statementTimeoutMs: 5_000,
        applicationName: 'todo-backend-live',
      });
      connection = listening;
      const attempt = () =>
        listening.sql.listen(CHANNEL, onNotify, () => void onListen(listening.db));
      try {
        await attempt();
      } catch (error) {
        log.warn(
          { err: error },
          'live updates: cannot listen (%s); retrying',
          (error as Error).message,
        );
        void (async () => {
          for (let tries = 1; connection === listening; tries++) {
            await new Promise((resolve) => setTimeout(resolve, Math.min(500 * tries, 5_000)));
            if (
              await attempt().then(
                () => true,
                () => false,
              )
            )
              return;
          }
        })();
      }
    },
    async stop() {
      await connection?.close();
      connection = undefined;
    },
  };
}
