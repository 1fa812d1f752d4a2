import { migrate } from '@todo/db/migrate';
import Fastify from 'fastify';
import app from './app.js';
import { ConfigError, loadConfig, loadDatabaseUrl } from './config.js';
import { sendProblem } from './plugins/problem-details.js';
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

async function migrateWithRetry(url: string, log: (message: string) => void) {
  const attempts = 10;
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(url);
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt === attempts)
        fail(`could not migrate the database after ${attempts} attempts: ${reason}`);
      log(`database not ready for migrations (${reason}); retrying (${attempt}/${attempts})`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 3000)));
    }
  }
}

async function main() {
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
  // While draining, requests already in flight finish; new ones get a 503 problem (Fastify's own
  // 503 is not in the API's error shape). Every response then closes its connection: an idle
  // keep-alive connection would otherwise hold server.close() open until the drain timeout.
  server.addHook('onRequest', async (_request, reply) => {
    if (closing) return sendProblem(reply, 503, 'The server is shutting down; retry');
  });
  server.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // With METRICS_PORT, the app opens the metrics listener as it becomes ready (plugins/metrics.ts).
  await server.register(app, config);

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      server.log.error('drain timed out; exiting');
      process.exit(1);
    }, config.server.shutdownTimeoutMs);
    timer.unref();
    await server.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await server.listen({ host: config.server.host, port: config.server.port });
  } catch (error) {
    fail(
      `cannot listen on ${config.server.host}:${config.server.port}: ${(error as Error).message}`,
    );
  }
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
