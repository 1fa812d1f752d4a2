import type { Database } from '@todo/db/client';
import { sql } from 'drizzle-orm';

/** How long a finished delivery stays in a webhook's log (the log shows the last 50 anyway). */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

/** Deletes finished deliveries older than `days`; a pending one stays until it is sent or fails. */
export async function pruneWebhookDeliveries(db: Database, days: number): Promise<number> {
  const deleted = await db.execute(sql`
    delete from webhook_deliveries
    where status <> 'pending' and created_at < now() - make_interval(days => ${days})`);
  return deleted.count;
}
