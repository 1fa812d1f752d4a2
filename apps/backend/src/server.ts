import { safeMessage } from '@todo/db/errors';
import { migrate } from '@todo/db/migrate';
import Fastify, { type FastifyInstance } from 'fastify';
import app from './app.js';
import { ConfigError, loadConfig, loadDatabaseUrl } from './config.js';
import { isDatabaseUnavailable } from './lib/database-errors.js';
import { describeChannels } from './notifications/channel-status.js';
import { serverOptions } from './server-options.js';

/** Prints one line and exits: configuration mistakes never end in a stack trace. */
function fail(message: string): never {
  process.stderr.write(`todo-backend: ${message}\n`);
  process.exit(1);
}

/** The loader's result; its ConfigError ends the process with that one line. */
function configured<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/**
 * Applies the migrations, retrying while the database cannot be reached (it may start after the
 * backend). Any other failure, a conflicting table or a missing privilege, will fail the same way
 * every time: it stops start-up at once with one line, without the SQL or a stack.
 */
async function migrateWithRetry(url: string, log: (message: string) => void) {
  const attempts = 10;
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(url);
      return;
    } catch (error) {
      const reason = safeMessage(error);
      if (!isDatabaseUnavailable(error)) fail(`the database migrations failed: ${reason}`);
      if (attempt === attempts)
        fail(`could not reach the database for migrations after ${attempts} attempts: ${reason}`);
      log(`database not reachable for migrations (${reason}); retrying (${attempt}/${attempts})`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 3000)));
    }
  }
}

/**
 * Resolves once every connection has closed, or after `ms`. While draining each answer closes its
 * connection, and an idle keep-alive connection is closed by the server's keepAliveTimeout, which
 * clients see coming in the `Keep-Alive: timeout` header and stop reusing the connection before:
 * no request meets a connection closing under it.
 */
async function connectionsGone(server: FastifyInstance, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const open = () =>
    new Promise<number>((resolve) =>
      server.server.getConnections((error, count) => resolve(error ? 0 : count)),
    );
  while (Date.now() < deadline && (await open()) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  // Until the server serves there is nothing to drain: a SIGTERM during start-up (a rollout
  // replaced the pod while it migrated) ends the process at once. PostgreSQL rolls back a
  // migration cut short and frees its advisory lock with the connection. One listener for both
  // phases: removing the last one stops Node watching the signal, and a SIGTERM arriving just
  // then was lost (the pod hung until its SIGKILL; tests/rollout/startup-signal.test.ts).
  let stopServing: ((signal: NodeJS.Signals) => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopServing) return stopServing(signal);
    process.stderr.write(`todo-backend: ${signal} during start-up; stopping\n`);
    process.exit(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const config = configured(loadConfig);

  const server = Fastify(serverOptions(config));
  if (config.auth.secretGenerated) {
    server.log.warn(
      'BETTER_AUTH_SECRET is not set: using a random one, tokens from the frontend will not verify',
    );
  }
  if (config.database.migrateOnStart) {
    await migrateWithRetry(config.database.url, (message) => server.log.warn(message));
  }
  let closing = false;
  // While draining, every answer closes its connection: a client on a keep-alive connection
  // (kube-proxy keeps those on this pod after it left the Service) reconnects, to another pod.
  server.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // With METRICS_PORT, the app opens the metrics listener as it becomes ready (plugins/metrics.ts).
  // A reminder being delivered gets half the shutdown time to finish; the drain needs the rest.
  await server.register(app, {
    ...config,
    stopTimeoutMs: Math.max(1_000, Math.floor(config.server.shutdownTimeoutMs / 2)),
  });
  server.log.info(describeChannels(config.notifications));

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      server.log.error('drain timed out; exiting');
      process.exit(1);
    }, config.server.shutdownTimeoutMs);
    timer.unref();
    // Still listening meanwhile: a connection that arrives now was sent by a Service that has not
    // yet heard the pod is gone, and is better served than refused.
    await connectionsGone(server, server.server.keepAliveTimeout);
    await server.close();
    clearTimeout(timer);
    process.exit(0);
  };

  try {
    await server.listen({ host: config.server.host, port: config.server.port });
  } catch (error) {
    fail(
      `cannot listen on ${config.server.host}:${config.server.port}: ${(error as Error).message}`,
    );
  }
  stopServing = (signal) => void shutdown(signal);
}

/**
 * `server.js migrate`: applies pending migrations and exits 0, or 1 with one line; nothing else
 * is configured or started. The chart's migration Job runs it from the same image.
 */
async function migrateOnly() {
  const url = configured(loadDatabaseUrl);
  await migrateWithRetry(url, (message) => process.stderr.write(`todo-backend: ${message}\n`));
  process.stdout.write('todo-backend: migrations applied\n');
  process.exit(0);
}

if (process.argv[2] === 'migrate') await migrateOnly();
else await main();
