import type { Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordingChannels } from './helpers/recording-channels.js';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

const USER = 'metrics-reminded';
const recorder = recordingChannels();
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    reminders: { workers: true, jobTimeoutSeconds: 10 },
    channels: recorder.channels,
  });
  await t.createUsers(USER);
  await t.sql`insert into push_subscriptions (user_id, endpoint, p256dh, auth, label)
    values (${USER}, 'https://push.example.test/m', 'key', 'secret', 'Phone')`;
});
afterAll(async () => t?.close());

/** A counter's value on GET /metrics; `channel` for the counters labelled by it. */
async function counter(name: string, channel?: string) {
  const { body } = await t.app.inject({ method: 'GET', url: '/metrics' });
  const labels = channel ? `\\{channel="${channel}"\\}` : '';
  return Number(new RegExp(`^${name}${labels} (\\S+)$`, 'm').exec(body)?.[1] ?? 0);
}

async function remindNow(title: string): Promise<Task> {
  return t.createTask(USER, {
    title,
    reminders: [{ kind: 'at', at: new Date(Date.now() + 500).toISOString() }],
  });
}

describe('reminder metrics', () => {
  it('are served on GET /metrics with the others', async () => {
    const { body } = await t.app.inject({ method: 'GET', url: '/metrics' });
    for (const name of [
      'reminders_scheduled_total',
      'reminders_sent_total',
      'reminders_failed_total',
      'reminders_late_total',
      'reminders_stale_total',
    ]) {
      expect(body).toContain(`# TYPE ${name} counter`);
    }
  });

  it('count a reminder scheduled, moved, sent and failed, by channel', async () => {
    await remindNow('Counted');
    expect(await counter('reminders_scheduled_total')).toBe(1);
    await vi.waitFor(async () => expect(await counter('reminders_sent_total', 'push')).toBe(1), {
      timeout: 20_000,
      interval: 200,
    });
    const moved = await t.createTask(USER, {
      title: 'Moved once',
      due_at: '2031-01-01T09:00:00.000Z',
      reminders: [{ kind: 'due' }],
    });
    await t.as(USER, {
      method: 'PATCH',
      url: `/api/${USER}/tasks/${moved.id}`,
      payload: { due_at: '2031-01-02T09:00:00.000Z' },
    });
    expect(await counter('reminders_scheduled_total')).toBe(3);

    recorder.answer({ status: 'failed', error: 'push service answered 400', retry: false });
    await remindNow('Refused');
    await vi.waitFor(async () => expect(await counter('reminders_failed_total', 'push')).toBe(1), {
      timeout: 20_000,
      interval: 200,
    });
    expect(await counter('reminders_sent_total', 'push')).toBe(1);
    expect(await counter('reminders_late_total', 'push')).toBe(0);
  });
});
