import type { Database } from '@todo/db/client';
import { sql } from 'drizzle-orm';
import type { OutboundPolicy } from '../lib/outbound-url.js';
import type { WebhookMetrics } from './metrics.js';
import { type SendOptions, sendWebhook } from './send.js';

/** A webhook job's data: the delivery row to send. */
export interface WebhookJobData {
  deliveryId: number;
}

export interface DeliverOptions {
  db: Database;
  outbound: OutboundPolicy;
  metrics: WebhookMetrics;
  /** Attempts before a delivery is failed for good (the queue's retryLimit is one less). */
  maxAttempts: number;
  lookup?: SendOptions['lookup'];
  timeoutMs?: number;
}

type Claimed = {
  attempts: number;
  body: string;
  event: string;
  delivery_id: string;
  url: string;
  secret: string;
  active: boolean;
};

/**
 * The webhook job handler: sends the delivery once more and records how it went. Throws when
 * the attempt failed and attempts remain, so pg-boss retries it after its backoff; a delivery
 * that succeeded, failed for good or whose hook is gone is not sent (a repeated job ends).
 * At least once: a sender that dies after the receiver answered leaves the job to expire and
 * be retried, and the receiver sees the same X-Todo-Delivery again.
 */
export function createWebhookDeliverer(options: DeliverOptions) {
  const { db, metrics, maxAttempts } = options;
  const record = (
    id: number,
    status: string,
    responseStatus: number | null,
    error: string | null,
  ) =>
    db.execute(sql`update webhook_deliveries
      set status = ${status}::webhook_delivery_status, response_status = ${responseStatus},
        error = ${error}
      where id = ${id}`);

  return async function deliver({ deliveryId }: WebhookJobData): Promise<void> {
    const [claimed] = await db.execute<Claimed>(sql`
      update webhook_deliveries d
      set attempts = d.attempts + 1, last_attempt_at = now()
      from webhooks w
      where d.id = ${deliveryId} and w.id = d.webhook_id and d.status = 'pending'
      returning d.attempts, d.payload::text as body, d.event::text as event,
        d.payload->>'id' as delivery_id, w.url, w.secret, w.active`);
    if (!claimed) return;
    if (!claimed.active) {
      await record(deliveryId, 'failed', null, 'the webhook was turned off');
      return;
    }
    const result = await sendWebhook(
      {
        url: claimed.url,
        secret: claimed.secret,
        event: claimed.event,
        deliveryId: claimed.delivery_id,
        body: claimed.body,
      },
      { outbound: options.outbound, lookup: options.lookup, timeoutMs: options.timeoutMs },
    );
    if (result.ok) {
      metrics.attempts.inc({ outcome: 'succeeded' });
      await record(deliveryId, 'succeeded', result.responseStatus, null);
      return;
    }
    const last = claimed.attempts >= maxAttempts;
    metrics.attempts.inc({ outcome: last ? 'failed' : 'retry' });
    await record(deliveryId, last ? 'failed' : 'pending', result.responseStatus, result.error);
    if (!last) throw new Error(`webhook delivery ${deliveryId}: ${result.error}`);
  };
}
