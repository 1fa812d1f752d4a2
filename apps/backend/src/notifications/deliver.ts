import type { DeliveryChannel } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, eq, sql } from 'drizzle-orm';
import type { SendOutcome } from './channel.js';

const { deliveries } = schema;

/** Sent more than this after its fire time, a message counts as late (no replica ran then). */
export const LATE_AFTER_MS = 60_000;

/** One message to one device or address. */
export interface Delivery {
  /**
   * Unique per message: a retry, a second replica or a restart finds the row by it. Reminders:
   * `reminder:<reminderId>:<channel>:<target>:<fireAt ISO>`.
   */
  key: string;
  userId: string;
  kind: 'reminder' | 'digest' | 'test';
  channel: DeliveryChannel;
  /** The push subscription id or the email address. */
  target: string;
  fireAt: Date;
  reminderId?: number | null;
  taskId?: number | null;
}

export type DeliveryOutcome =
  | { status: 'sent' | 'gone'; late: boolean }
  | { status: 'failed'; late: boolean; error: string; retry: boolean }
  /** Not sent now: an earlier attempt sent it, found it gone, or may have sent it (unconfirmed). */
  | { status: 'skipped'; previous: 'sent' | 'gone' | 'unconfirmed' };

/** Told of each send's outcome (the metrics). */
export type DeliveryObserver = (delivery: Delivery, outcome: DeliveryOutcome) => void;

/** The reminders' delivery key for one target and firing. */
export const reminderDeliveryKey = (
  reminderId: number,
  channel: DeliveryChannel,
  target: string,
  fireAt: Date,
) => `reminder:${reminderId}:${channel}:${target}:${fireAt.toISOString()}`;

/**
 * Sends one message at most once, whoever calls and however often. The delivery row is claimed
 * with INSERT … ON CONFLICT: a new key, or a `failed` one (attempts + 1), is ours to send; `sent`,
 * `gone` and `unconfirmed` are skipped. A row still `sending` means its sender died mid-request
 * (the job came back after expiry): the request may have left, so it is marked `unconfirmed` and
 * not sent again. At most once in that window, by choice: a push carries a Topic and its
 * notification a tag per firing, so even a resend would show once, but an email would not.
 */
export async function deliverOnce(
  db: Database,
  delivery: Delivery,
  send: () => Promise<SendOutcome>,
  observe?: DeliveryObserver,
): Promise<DeliveryOutcome> {
  const claimed = await db
    .insert(deliveries)
    .values({
      key: delivery.key,
      userId: delivery.userId,
      kind: delivery.kind,
      channel: delivery.channel,
      target: delivery.target,
      fireAt: delivery.fireAt,
      reminderId: delivery.reminderId ?? null,
      taskId: delivery.taskId ?? null,
      status: 'sending',
    })
    .onConflictDoUpdate({
      target: deliveries.key,
      set: {
        status: 'sending',
        attempts: sql`${deliveries.attempts} + 1`,
        error: null,
        updatedAt: sql`now()`,
      },
      setWhere: eq(deliveries.status, 'failed'),
    })
    .returning({ id: deliveries.id });
  if (claimed.length === 0) return skip(db, delivery.key);

  const result = await send().catch(
    (error: unknown): SendOutcome => ({
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      retry: true,
    }),
  );
  const late = Date.now() - delivery.fireAt.getTime() > LATE_AFTER_MS;
  await db
    .update(deliveries)
    .set({
      status: result.status,
      late,
      error: result.status === 'failed' ? result.error.slice(0, 500) : null,
      updatedAt: sql`now()`,
    })
    .where(eq(deliveries.key, delivery.key));
  const outcome: DeliveryOutcome =
    result.status === 'failed' ? { ...result, late } : { status: result.status, late };
  observe?.(delivery, outcome);
  return outcome;
}

/** Someone had the row: a sender that died mid-request leaves it `sending`, now `unconfirmed`. */
async function skip(db: Database, key: string): Promise<DeliveryOutcome> {
  await db
    .update(deliveries)
    .set({ status: 'unconfirmed', updatedAt: sql`now()` })
    .where(and(eq(deliveries.key, key), eq(deliveries.status, 'sending')));
  const [row] = await db
    .select({ status: deliveries.status })
    .from(deliveries)
    .where(eq(deliveries.key, key));
  const previous = row?.status === 'sent' || row?.status === 'gone' ? row.status : 'unconfirmed';
  return { status: 'skipped', previous };
}
