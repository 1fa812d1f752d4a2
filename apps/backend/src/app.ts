import type { FastifyInstance } from 'fastify';
import calendar from './calendar/plugin.js';
import type { Config } from './config.js';
import type { Channels } from './notifications/channel.js';
import { createChannels } from './notifications/channel-status.js';
import apiDocs from './plugins/api-docs.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import metrics from './plugins/metrics.js';
import problemDetails from './plugins/problem-details.js';
import reminders from './plugins/reminders.js';
import security from './plugins/security.js';
import validation from './plugins/validation.js';
import webhooks, { type WebhooksOptions } from './plugins/webhooks.js';
import api from './routes/api/index.js';
import unsubscribe from './routes/api/unsubscribe.js';
import health from './routes/health.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** How reminders reach people; without them the server can send nothing. */
    channels: Channels;
    /** What push endpoints may be (lib/outbound-url.ts). */
    outboundPolicy: Config['outbound'];
  }
}

export type AppOptions = Pick<Config, 'database' | 'auth' | 'http' | 'outbound'> &
  Partial<Pick<Config, 'metrics' | 'notifications' | 'reminders'>> & {
    /** Instead of those `notifications` turns on (tests give local senders). */
    channels?: Channels;
    /** How long closing waits for a reminder being delivered (SHUTDOWN_TIMEOUT_MS bounds it). */
    stopTimeoutMs?: number;
    /** Tests: quicker retries and sweeps, a stand-in resolver (plugins/webhooks.ts). */
    webhooks?: Omit<WebhooksOptions, 'workers'>;
  };

/** The whole API as one plugin: server.ts adds the process concerns, tests call it with inject. */
export default async function app(fastify: FastifyInstance, options: AppOptions) {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.decorate(
    'channels',
    options.channels ?? createChannels(options.notifications, options.outbound),
  );
  fastify.decorate('outboundPolicy', options.outbound);
  const appUrl = options.notifications?.email?.publicAppUrl ?? 'http://localhost:3000';
  await fastify.register(validation);
  await fastify.register(problemDetails);
  await fastify.register(security, { corsOrigins: options.http.corsOrigins });
  await fastify.register(apiDocs);
  await fastify.register(metrics, { poolMax: options.database.poolMax, ...options.metrics });
  await fastify.register(database, {
    url: options.database.url,
    poolMax: options.database.poolMax,
    jobTimeoutSeconds: options.reminders?.jobTimeoutSeconds,
  });
  // Without `reminders` (the tests), reminders are scheduled but no worker delivers them.
  await fastify.register(reminders, {
    workers: options.reminders?.workers ?? false,
    appUrl,
    secret: options.auth.secret,
    stopTimeoutMs: options.stopTimeoutMs ?? 5_000,
  });
  await fastify.register(webhooks, {
    ...options.webhooks,
    workers: options.reminders?.workers ?? false,
  });
  await fastify.register(auth, { secret: options.auth.secret });
  await fastify.register(health);
  await fastify.register(unsubscribe, { prefix: '/api/unsubscribe', secret: options.auth.secret });
  await fastify.register(calendar, { appUrl });
  await fastify.register(api, { prefix: '/api/:user_id' });
}
