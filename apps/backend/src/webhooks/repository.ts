import {
  type CreateWebhookBody,
  type UpdateWebhookBody,
  WEBHOOK_EVENTS,
  WEBHOOK_LIMITS,
  type Webhook,
  type WebhookDelivery,
  type WebhookWithSecret,
} from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { inTransaction } from '../repositories/transaction.js';
import { newWebhookSecret } from './signature.js';

const { webhooks, webhookDeliveries } = schema;

const hookColumns = {
  id: webhooks.id,
  url: webhooks.url,
  events: webhooks.events,
  active: webhooks.active,
  createdAt: webhooks.createdAt,
  updatedAt: webhooks.updatedAt,
};

type HookRow = {
  id: number;
  url: string;
  events: Webhook['events'];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const toWebhook = (row: HookRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: row.events,
  active: row.active,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

const ofUser = (userId: string, id: number) =>
  and(eq(webhooks.id, id), eq(webhooks.userId, userId));

/** A user's webhooks and their delivery log. Every method is confined to the user. */
export function createWebhooksRepository(db: Database) {
  return {
    async list(userId: string): Promise<Webhook[]> {
      const rows = await db
        .select(hookColumns)
        .from(webhooks)
        .where(eq(webhooks.userId, userId))
        .orderBy(webhooks.id);
      return rows.map(toWebhook);
    },

    /**
     * Adds a hook with a new secret; 'limit' when the user has the most there may be. A user's
     * creates are serialised (an advisory lock on the user): two at once cannot pass the limit.
     */
    async create(userId: string, body: CreateWebhookBody): Promise<WebhookWithSecret | 'limit'> {
      return inTransaction(db, async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${userId}`}))`);
        const [existing] = await tx
          .select({ count: count() })
          .from(webhooks)
          .where(eq(webhooks.userId, userId));
        if ((existing?.count ?? 0) >= WEBHOOK_LIMITS.perUser) return 'limit';
        const secret = newWebhookSecret();
        const [row] = await tx
          .insert(webhooks)
          .values({
            userId,
            url: body.url,
            secret,
            events: body.events ?? [...WEBHOOK_EVENTS],
            active: body.active ?? true,
          })
          .returning(hookColumns);
        if (!row) throw new Error('insert into webhooks returned no row');
        return { ...toWebhook(row), secret };
      });
    },

    async update(userId: string, id: number, body: UpdateWebhookBody): Promise<Webhook | null> {
      const [row] = await db
        .update(webhooks)
        .set({
          ...(body.url === undefined ? {} : { url: body.url }),
          ...(body.events === undefined ? {} : { events: body.events }),
          ...(body.active === undefined ? {} : { active: body.active }),
          updatedAt: sql`now()`,
        })
        .where(ofUser(userId, id))
        .returning(hookColumns);
      return row ? toWebhook(row) : null;
    },

    /** A new secret: deliveries sent from now on (retries included) are signed with it. */
    async rotateSecret(userId: string, id: number): Promise<WebhookWithSecret | null> {
      const secret = newWebhookSecret();
      const [row] = await db
        .update(webhooks)
        .set({ secret, updatedAt: sql`now()` })
        .where(ofUser(userId, id))
        .returning(hookColumns);
      return row ? { ...toWebhook(row), secret } : null;
    },

    /** Removes a hook and its delivery log (pending retries find nothing and end). */
    async remove(userId: string, id: number): Promise<boolean> {
      const removed = await db
        .delete(webhooks)
        .where(ofUser(userId, id))
        .returning({ id: webhooks.id });
      return removed.length > 0;
    },

    /** The hook with its secret, for a test delivery; null when the user has no such hook. */
    async target(userId: string, id: number) {
      const [row] = await db
        .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret })
        .from(webhooks)
        .where(ofUser(userId, id));
      return row ?? null;
    },

    /** The hook's latest deliveries, newest first; null when the user has no such hook. */
    async deliveries(userId: string, id: number): Promise<WebhookDelivery[] | null> {
      if (!(await this.target(userId, id))) return null;
      const rows = await db
        .select({
          id: webhookDeliveries.id,
          deliveryId: sql<string>`${webhookDeliveries.payload}->>'id'`,
          event: webhookDeliveries.event,
          status: webhookDeliveries.status,
          attempts: webhookDeliveries.attempts,
          responseStatus: webhookDeliveries.responseStatus,
          error: webhookDeliveries.error,
          createdAt: webhookDeliveries.createdAt,
          lastAttemptAt: webhookDeliveries.lastAttemptAt,
        })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, id))
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(WEBHOOK_LIMITS.deliveriesListed);
      return rows.map((row) => ({
        id: row.id,
        delivery_id: row.deliveryId,
        event: row.event,
        status: row.status,
        attempts: row.attempts,
        response_status: row.responseStatus,
        error: row.error,
        created_at: row.createdAt.toISOString(),
        last_attempt_at: row.lastAttemptAt?.toISOString() ?? null,
      }));
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
