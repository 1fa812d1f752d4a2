import type { Server } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { listenForMetrics } from '../metrics-listener.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's registry: plugins registered after this one add their metrics to it. */
    metricsRegistry: Registry;
  }
}

export interface MetricsOptions {
  /** The pool size the database plugin was given (DATABASE_POOL_MAX). */
  poolMax: number;
  /**
   * METRICS_PORT: serve GET /metrics on a listener of its own at host:port (opened when the app is
   * ready, closed with it) and not on the app. Unset: on the app, at GET /metrics.
   */
  port?: number | undefined;
  host?: string;
}

const METRICS_PATH = '/metrics';

/**
 * Prometheus metrics: request durations by route pattern, database use and the process. No token:
 * in the chart they are served on a port of their own (METRICS_PORT, metrics-listener.ts) that no
 * Service of the API exposes, and the NetworkPolicy admits only Prometheus to it.
 * Registered after the database plugin (it counts the repository's operations) and before the
 * routes that use the repository.
 */
async function metrics(app: FastifyInstance, options: MetricsOptions) {
  // One registry per app, so several apps in one process (the tests) never collide.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  app.decorate('metricsRegistry', registry);

  // Its _count is the request count: one observe per request is all the hot path pays.
  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code: duration in seconds',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // postgres.js exposes no pool statistics: count what we can observe ourselves.
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'Most connections the database pool opens (DATABASE_POOL_MAX)',
    registers: [registry],
    collect() {
      this.set(options.poolMax);
    },
  });
  let inFlight = 0;
  new Gauge({
    name: 'db_operations_in_flight',
    help:
      'Repository operations (one query, or one transaction) running or waiting for a pooled ' +
      'connection; above db_pool_max_connections means queries are queueing',
    registers: [registry],
    collect() {
      this.set(inFlight);
    },
  });

  const repository = app.tasksRepository as unknown as Record<string, unknown>;
  // Methods call each other through `this` (list calls count): let them reach the originals.
  const originals = { ...repository };
  for (const [name, method] of Object.entries(originals)) {
    if (typeof method !== 'function') continue;
    repository[name] = async (...args: unknown[]) => {
      inFlight++;
      try {
        return await method.apply(originals, args);
      } finally {
        inFlight--;
      }
    };
  }

  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = request.routeOptions.url;
    if (route !== METRICS_PATH) {
      requests.observe(
        { method: request.method, route: route ?? 'unmatched', status_code: reply.statusCode },
        reply.elapsedTime / 1000,
      );
    }
    done();
  });

  const { port } = options;
  if (port !== undefined) {
    const host = options.host ?? '0.0.0.0';
    let listener: Server | undefined;
    app.addHook('onReady', async () => {
      try {
        listener = await listenForMetrics(registry, host, port);
      } catch (error) {
        throw new Error(`metrics listener on ${host}:${port}: ${(error as Error).message}`);
      }
    });
    app.addHook('onClose', async () => {
      await new Promise((resolve) => (listener ? listener.close(resolve) : resolve(undefined)));
    });
    return;
  }
  app.get(METRICS_PATH, { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

export default fp(metrics, { name: 'metrics', dependencies: ['database'] });
