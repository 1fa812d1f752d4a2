import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import apiDocs from './plugins/api-docs.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import metrics from './plugins/metrics.js';
import problemDetails from './plugins/problem-details.js';
import security from './plugins/security.js';
import validation from './plugins/validation.js';
import api from './routes/api/index.js';
import health from './routes/health.js';

export type AppOptions = Pick<Config, 'database' | 'auth' | 'http'> &
  Partial<Pick<Config, 'metrics'>>;

/** The whole API as one plugin: server.ts adds the process concerns, tests call it with inject. */
export default async function app(fastify: FastifyInstance, options: AppOptions) {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await fastify.register(validation);
  await fastify.register(problemDetails);
  await fastify.register(security, { corsOrigins: options.http.corsOrigins });
  await fastify.register(apiDocs);
  await fastify.register(metrics, { poolMax: options.database.poolMax, ...options.metrics });
  await fastify.register(database, {
    url: options.database.url,
    poolMax: options.database.poolMax,
  });
  await fastify.register(auth, { secret: options.auth.secret });
  await fastify.register(health);
  await fastify.register(api, { prefix: '/api/:user_id' });
}
