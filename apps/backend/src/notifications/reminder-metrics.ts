import { Counter, type Registry } from 'prom-client';
import type { DeliveryObserver } from './deliver.js';

/**
 * The reminder counters, made with the queue (scheduling counts in the task transaction) and
 * registered into the app's registry by plugins/reminders.ts. Counted inside what they measure.
 */
export function createReminderMetrics() {
  const byChannel = { labelNames: ['channel'] as const, registers: [] };
  const metrics = {
    scheduled: new Counter({
      name: 'reminders_scheduled_total',
      help: 'Reminder jobs queued for a fire time (a moved reminder counts again)',
      registers: [],
    }),
    sent: new Counter({
      name: 'reminders_sent_total',
      help: 'Reminder messages a push service or mail server accepted, by channel',
      ...byChannel,
    }),
    failed: new Counter({
      name: 'reminders_failed_total',
      help: 'Reminder messages refused or not reachable, by channel (a retry may send them)',
      ...byChannel,
    }),
    late: new Counter({
      name: 'reminders_late_total',
      help: 'Reminder messages sent more than a minute after their fire time, by channel',
      ...byChannel,
    }),
    stale: new Counter({
      name: 'reminders_stale_total',
      help: 'Reminder jobs that found their reminder gone, moved or its task completed: not sent',
      registers: [],
    }),
  };
  const observe: DeliveryObserver = (delivery, outcome) => {
    if (delivery.kind !== 'reminder') return;
    const labels = { channel: delivery.channel };
    if (outcome.status === 'sent') metrics.sent.inc(labels);
    if (outcome.status === 'failed') metrics.failed.inc(labels);
    if (outcome.status === 'sent' && outcome.late) metrics.late.inc(labels);
  };
  return {
    ...metrics,
    observe,
    register(registry: Registry) {
      for (const metric of Object.values(metrics)) registry.registerMetric(metric);
    },
  };
}

export type ReminderMetrics = ReturnType<typeof createReminderMetrics>;
