import { Counter, type Registry } from 'prom-client';

/** The webhook counters, registered into the app's registry by plugins/webhooks.ts. */
export function createWebhookMetrics() {
  const metrics = {
    queued: new Counter({
      name: 'webhook_deliveries_queued_total',
      help: 'Webhook deliveries made from the change log (one per hook and task event)',
      registers: [],
    }),
    attempts: new Counter({
      name: 'webhook_attempts_total',
      help: 'Webhook POSTs by outcome: succeeded (2xx), retry (will be tried again), failed (last attempt)',
      labelNames: ['outcome'] as const,
      registers: [],
    }),
  };
  return {
    ...metrics,
    register(registry: Registry) {
      for (const metric of Object.values(metrics)) registry.registerMetric(metric);
    },
  };
}

export type WebhookMetrics = ReturnType<typeof createWebhookMetrics>;
