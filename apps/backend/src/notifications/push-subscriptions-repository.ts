import { type PushDevice, type PushSubscriptionBody, REMINDER_LIMITS } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { inTransaction } from '../repositories/transaction.js';
import type { PushTarget } from './channel.js';

const { pushSubscriptions } = schema;

/** How a device is listed when the browser sent no label. */
export const DEFAULT_DEVICE_LABEL = 'Browser';

const deviceColumns = {
  id: pushSubscriptions.id,
  label: pushSubscriptions.label,
  createdAt: pushSubscriptions.createdAt,
  lastSuccessAt: pushSubscriptions.lastSuccessAt,
};

type DeviceRow = { id: number; label: string; createdAt: Date; lastSuccessAt: Date | null };

const toDevice = (row: DeviceRow): PushDevice => ({
  id: row.id,
  label: row.label,
  created_at: row.createdAt.toISOString(),
  last_success_at: row.lastSuccessAt?.toISOString() ?? null,
});

/** A subscribe's outcome: the device and whether it is new, or the user has too many. */
export type SubscribeResult = { device: PushDevice; created: boolean } | 'limit';

/** The browsers a user receives push on. */
export function createPushSubscriptionsRepository(db: Database) {
  return {
    async list(userId: string): Promise<PushDevice[]> {
      const rows = await db
        .select(deviceColumns)
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId))
        .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
      return rows.map(toDevice);
    },

    /**
     * Stores a subscription by its endpoint: the same browser subscribing again (new keys, or now
     * signed in as someone else) updates its row and owner instead of adding one. A user's
     * subscribes are serialised (an advisory lock on the user) so two at once cannot pass the
     * limit together.
     */
    async subscribe(userId: string, body: PushSubscriptionBody): Promise<SubscribeResult> {
      return inTransaction(db, async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`push:${userId}`}))`);
        const [others] = await tx
          .select({ count: count() })
          .from(pushSubscriptions)
          .where(
            and(
              eq(pushSubscriptions.userId, userId),
              ne(pushSubscriptions.endpoint, body.endpoint),
            ),
          );
        if ((others?.count ?? 0) >= REMINDER_LIMITS.devicesMax) return 'limit';
        const keys = { userId, p256dh: body.keys.p256dh, auth: body.keys.auth };
        const [row] = await tx
          .insert(pushSubscriptions)
          .values({ ...keys, endpoint: body.endpoint, label: body.label ?? DEFAULT_DEVICE_LABEL })
          .onConflictDoUpdate({
            target: pushSubscriptions.endpoint,
            set: { ...keys, ...(body.label === undefined ? {} : { label: body.label }) },
          })
          // xmax is 0 on a row this statement inserted, and set on one it updated.
          .returning({ ...deviceColumns, created: sql<boolean>`xmax = 0` });
        if (!row) throw new Error('insert … on conflict do update returned no row');
        return { device: toDevice(row), created: row.created };
      });
    },

    /** Removes one of the user's devices; false when there is no such device of theirs. */
    async remove(userId: string, id: number): Promise<boolean> {
      const removed = await db
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
        .returning({ id: pushSubscriptions.id });
      return removed.length > 0;
    },

    /** A push to the device was accepted now: the settings list shows when it last worked. */
    async markSent(id: number): Promise<void> {
      await db
        .update(pushSubscriptions)
        .set({ lastSuccessAt: sql`now()` })
        .where(eq(pushSubscriptions.id, id));
    },

    /** One of the user's devices as the push channel needs it, or null. */
    async target(userId: string, id: number): Promise<PushTarget | null> {
      const [row] = await db
        .select({
          id: pushSubscriptions.id,
          endpoint: pushSubscriptions.endpoint,
          p256dh: pushSubscriptions.p256dh,
          auth: pushSubscriptions.auth,
        })
        .from(pushSubscriptions)
        .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)));
      return row ?? null;
    },
  };
}

export type PushSubscriptionsRepository = ReturnType<typeof createPushSubscriptionsRepository>;
