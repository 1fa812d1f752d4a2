import type { Task } from '@todo/contract';
import { createDatabase } from '@todo/db/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reminderDeliveryKey } from '../../src/notifications/deliver.js';
import { createReminderMetrics } from '../../src/notifications/reminder-metrics.js';
import { createReminderWorker } from '../../src/notifications/reminder-worker.js';
import { recordingChannels } from '../helpers/recording-channels.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// The job handler on a real database, called as pg-boss calls it: what it sends, skips and records.
let t: TestApp;
let database: ReturnType<typeof createDatabase>;
const USER = 'worked';
const FAR = '2031-03-01T09:00:00.000Z';

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER);
  database = createDatabase(t.database.url, { max: 2 });
});
afterAll(async () => {
  await database?.close();
  await t?.close();
});

let recorder: ReturnType<typeof recordingChannels>;
let metrics: ReturnType<typeof createReminderMetrics>;
let deliver: ReturnType<typeof createReminderWorker>;
let device: number;
beforeEach(async () => {
  recorder = recordingChannels();
  metrics = createReminderMetrics();
  deliver = createReminderWorker({
    db: database.db,
    channels: recorder.channels,
    metrics,
    appUrl: 'http://app.example.test',
  });
  await t.sql`delete from push_subscriptions`;
  await t.sql`delete from notification_settings`;
  const [row] = await t.sql<{ id: number }[]>`
    insert into push_subscriptions (user_id, endpoint, p256dh, auth, label)
    values (${USER}, 'https://push.example.test/1', 'key', 'secret', 'Phone') returning id`;
  device = row?.id ?? 0;
});

/** A task with one reminder whose stored fire time is `fireAt` (as if queued for then). */
async function reminderFiringAt(fireAt: Date, title = 'Call back') {
  const task: Task = await t.createTask(USER, { title, due_at: FAR, reminders: [{ kind: 'due' }] });
  const id = task.reminders[0]?.id ?? 0;
  await t.sql`update reminders set fire_at = ${fireAt} where id = ${id}`;
  return { task, job: { reminderId: id, fireAt: fireAt.toISOString() } };
}

const deliveries = (reminderId: number) =>
  t.sql<{ channel: string; status: string; attempts: number; late: boolean; target: string }[]>`
    select channel, status, attempts, late, target from deliveries
    where reminder_id = ${reminderId} order by channel`;

describe('the reminder job handler', () => {
  it('sends to every device and, when asked, by email; a second run sends nothing', async () => {
    await t.sql`insert into notification_settings (user_id, email_reminders) values (${USER}, true)`;
    const { task, job } = await reminderFiringAt(new Date());
    await deliver(job);
    expect(recorder.pushes).toHaveLength(1);
    expect(recorder.pushes[0]?.payload).toMatchObject({
      type: 'reminder',
      title: 'Call back',
      task_id: task.id,
      late: false,
      url: `/tasks/${task.id}`,
      tag: `reminder-${job.reminderId}-${job.fireAt}`,
    });
    expect(recorder.pushes[0]?.payload.body).toMatch(/^Due /);
    expect(recorder.mails.map((mail) => [mail.to, mail.subject])).toEqual([
      [`${USER}@example.test`, 'Reminder: Call back'],
    ]);
    await deliver(job);
    expect(recorder.pushes).toHaveLength(1);
    expect(recorder.mails).toHaveLength(1);
    expect(await deliveries(job.reminderId)).toEqual([
      { channel: 'push', status: 'sent', attempts: 1, late: false, target: String(device) },
      {
        channel: 'email',
        status: 'sent',
        attempts: 1,
        late: false,
        target: `${USER}@example.test`,
      },
    ]);
  });

  it('ends a stale job without sending: moved, completed or deleted', async () => {
    const { task, job } = await reminderFiringAt(new Date());
    await deliver({ ...job, fireAt: new Date(Date.now() - 3_600_000).toISOString() });
    await t.sql`update tasks set completed = true where id = ${task.id}`;
    await deliver(job);
    await t.sql`delete from tasks where id = ${task.id}`;
    await deliver(job);
    expect(recorder.pushes).toEqual([]);
    expect(await deliveries(job.reminderId)).toEqual([]);
    expect((await metrics.stale.get()).values[0]?.value).toBe(3);
  });

  it('throws on a failure worth retrying, and the retry sends it once (attempts 2)', async () => {
    const { job } = await reminderFiringAt(new Date());
    recorder.answer({ status: 'failed', error: 'push service answered 503', retry: true });
    await expect(deliver(job)).rejects.toThrow(/503/);
    expect(await deliveries(job.reminderId)).toMatchObject([{ status: 'failed', attempts: 1 }]);
    await deliver(job);
    expect(recorder.pushes).toHaveLength(2);
    expect(await deliveries(job.reminderId)).toMatchObject([{ status: 'sent', attempts: 2 }]);
    const failed = await metrics.failed.get();
    expect(failed.values).toEqual([{ value: 1, labels: { channel: 'push' } }]);
  });

  it('removes a subscription its push service says is gone', async () => {
    const { job } = await reminderFiringAt(new Date());
    recorder.answer({ status: 'gone' });
    await deliver(job);
    expect(await t.sql`select id from push_subscriptions where id = ${device}`).toEqual([]);
    expect(await deliveries(job.reminderId)).toMatchObject([{ status: 'gone' }]);
  });

  it('does not send again what a sender that died mid-request left "sending": unconfirmed', async () => {
    const fireAt = new Date();
    const { task, job } = await reminderFiringAt(fireAt);
    const key = reminderDeliveryKey(job.reminderId, 'push', String(device), fireAt);
    await t.sql`insert into deliveries (key, user_id, kind, channel, reminder_id, task_id, target, fire_at)
      values (${key}, ${USER}, 'reminder', 'push', ${job.reminderId}, ${task.id}, ${String(device)}, ${fireAt})`;
    await deliver(job);
    expect(recorder.pushes).toEqual([]);
    expect(await deliveries(job.reminderId)).toMatchObject([
      { status: 'unconfirmed', attempts: 1 },
    ]);
  });

  it('marks a reminder sent more than a minute after its fire time late, and counts it', async () => {
    const { job } = await reminderFiringAt(new Date(Date.now() - 5 * 60_000));
    await deliver(job);
    expect(recorder.pushes[0]?.payload.late).toBe(true);
    expect(recorder.pushes[0]?.payload.body).toMatch(/late/);
    expect(await deliveries(job.reminderId)).toMatchObject([{ status: 'sent', late: true }]);
    const late = await metrics.late.get();
    expect(late.values).toEqual([{ value: 1, labels: { channel: 'push' } }]);
  });

  it('sends nothing when the user turned push reminders off', async () => {
    await t.sql`insert into notification_settings (user_id, push_reminders) values (${USER}, false)`;
    const { job } = await reminderFiringAt(new Date());
    await deliver(job);
    expect(recorder.pushes).toEqual([]);
    expect(recorder.mails).toEqual([]);
  });
});
