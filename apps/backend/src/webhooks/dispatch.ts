import type { WebhookEvent, WebhookPayload } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../repositories/restored-occurrence.js';
import { taskObject, withRule } from '../repositories/task-json.js';
import { inTransaction } from '../repositories/transaction.js';

const { webhookDeliveries, changeCursors } = schema;

/** The change_cursors row of the dispatcher. */
const CURSOR = 'webhooks';
/** Change events read per transaction; more are read by the next run at once. */
const BATCH = 500;

/** Queues the send of these delivery rows in the dispatcher's transaction (pg-boss `db`). */
export type EnqueueDeliveries = (tx: Transaction, deliveryIds: number[]) => Promise<void>;

/**
 * What one dispatcher remembers between runs: a point of the change log all of whose writers
 * may not have committed yet. change_events ids are taken when a writer inserts, not when it
 * commits: a reader that has seen id 11 may see id 10 appear later. Ids up to `maxId` are final
 * once every transaction that was running when `maxId` was read has ended, i.e. once the
 * oldest running transaction (the snapshot's xmin) is at or past that snapshot's xmax: the
 * writer that took a smaller id had its xid then, as its trigger runs after its row write.
 */
export interface DispatchState {
  pending: { maxId: number; xmax: bigint } | null;
}

export const newDispatchState = (): DispatchState => ({ pending: null });

export interface DispatchOutcome {
  /** Another dispatcher holds the cursor (FOR UPDATE SKIP LOCKED). */
  busy: boolean;
  /** Delivery rows made (and jobs queued). */
  deliveries: number;
  /** Run again soon: events remain past this batch, or wait to become final. */
  again: boolean;
}

type EventRow = {
  event_id: string;
  op: 'created' | 'updated' | 'completed' | 'deleted';
  occurred_at: string;
  webhook_id: number;
  task_id: number;
  title: string;
  json: string | null;
  rrule: string | null;
  repeat_from: 'due' | 'completion' | null;
  time_zone: string | null;
};

/**
 * The events after `after` up to `upTo`, once per hook of the same user that is active,
 * subscribed to it and made before the event happened, with the task as the API shows it: the row as the event recorded it
 * (jsonb_populate_record makes it a "tasks" row for the API's own JSON statement), with its
 * reminders and subtask counts as they are now. A deleted task is its id and title.
 */
function eventsForHooks(tx: Transaction, after: number, upTo: number) {
  return tx.execute<EventRow>(sql`
    select ce.id::text as event_id, ce.op,
      to_char(ce.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
      w.id as webhook_id, ce.entity_id as task_id, ce.data->>'title' as title,
      snapshot.json, snapshot.rrule, snapshot.repeat_from, snapshot.time_zone
    from change_events ce
    join webhooks w on w.user_id = ce.user_id and w.active
      and ('task.' || ce.op)::webhook_event = any(w.events)
      -- a hook hears of what happens once it exists, not of changes still waiting for dispatch
      and w.created_at <= ce.occurred_at
    left join lateral (
      select ${taskObject} as json, "tasks"."rrule", "tasks"."repeat_from", "tasks"."time_zone"
      from jsonb_populate_record(null::tasks, ce.data) as "tasks"
    ) snapshot on ce.op <> 'deleted'
    where ce.entity = 'task' and ce.id > ${after} and ce.id <= ${upTo}
    order by ce.id, w.id`);
}

function payloadOf(row: EventRow): WebhookPayload {
  const event = `task.${row.op}` as WebhookEvent;
  const task =
    row.json === null || row.repeat_from === null || row.time_zone === null
      ? { id: row.task_id, title: row.title }
      : JSON.parse(withRule(row.json, row.rrule, row.repeat_from, row.time_zone));
  return { id: crypto.randomUUID(), event, created_at: row.occurred_at, data: { task } };
}

/**
 * One run of the dispatcher: in one transaction, takes the cursor (or leaves at once when
 * another replica has it), turns the final task events after it into one delivery row per
 * subscribed hook (unique per hook and event) with its send queued, and moves the cursor past
 * them. The rows, the jobs and the cursor commit together, or none of them.
 */
export function dispatchChanges(
  db: Database,
  enqueue: EnqueueDeliveries,
  state: DispatchState,
): Promise<DispatchOutcome> {
  return inTransaction(db, async (tx) => {
    const [cursor] = await tx
      .select({ lastEventId: changeCursors.lastEventId })
      .from(changeCursors)
      .where(eq(changeCursors.name, CURSOR))
      .for('update', { skipLocked: true });
    if (!cursor) return { busy: true, deliveries: 0, again: false };
    const [snapshot] = await tx.execute<{ xmin: string; xmax: string; max_id: string }>(sql`
      select pg_snapshot_xmin(s)::text as xmin, pg_snapshot_xmax(s)::text as xmax,
        coalesce((select max(id) from change_events), 0)::text as max_id
      from pg_current_snapshot() as s`);
    if (!snapshot) throw new Error('no snapshot row');
    const after = cursor.lastEventId;
    let final = after;
    if (state.pending && state.pending.xmax <= BigInt(snapshot.xmin)) {
      final = Math.max(after, state.pending.maxId);
      state.pending = null;
    }
    const maxId = Number(snapshot.max_id);
    if (!state.pending && maxId > final) {
      state.pending = { maxId, xmax: BigInt(snapshot.xmax) };
    }
    if (final <= after) return { busy: false, deliveries: 0, again: state.pending !== null };

    const [batchEnd] = await tx.execute<{ up_to: string }>(sql`
      select max(id)::text as up_to from (
        select id from change_events where id > ${after} and id <= ${final}
        order by id limit ${BATCH}) as batch`);
    const upTo = batchEnd?.up_to ? Number(batchEnd.up_to) : final;
    const rows = [...(await eventsForHooks(tx, after, upTo))];
    let deliveries = 0;
    if (rows.length > 0) {
      const inserted = await tx
        .insert(webhookDeliveries)
        .values(
          rows.map((row) => {
            const payload = payloadOf(row);
            return {
              webhookId: row.webhook_id,
              eventId: Number(row.event_id),
              event: payload.event as WebhookEvent,
              payload,
            };
          }),
        )
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      await enqueue(
        tx,
        inserted.map((row) => row.id),
      );
      deliveries = inserted.length;
    }
    await tx
      .update(changeCursors)
      .set({ lastEventId: upTo, updatedAt: sql`now()` })
      .where(eq(changeCursors.name, CURSOR));
    return { busy: false, deliveries, again: upTo < final || state.pending !== null };
  });
}
