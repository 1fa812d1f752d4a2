import { safeMessage } from '@todo/db/errors';
import { migrate } from '@todo/db/migrate';
import Fastify from 'fastify';
import app from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { isDatabaseUnavailable } from './lib/database-errors.js';
import { sendProblem } from './plugins/problem-details.js';
import { serverOptions } from './server-options.js';

/** Prints one line and exits: configuration mistakes never end in a stack trace. */
function fail(message: string): never {
  process.stderr.write(`todo-backend: ${message}\n`);
  process.exit(1);
}

/**
 * Applies the migrations, retrying while the database cannot be reached (it may start after the
 * backend). Any other failure, a conflicting table or a missing privilege, will fail the same way
 * every time: it stops start-up at once with one line, without the SQL or a stack.
 */
async function migrateWithRetry(config: Config, log: (message: string) => void) {
  const attempts = 10;
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(config.database.url);
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

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const server = Fastify(serverOptions(config));
  if (config.auth.secretGenerated) {
    server.log.warn(
      'BETTER_AUTH_SECRET is not set: using a random one, tokens from the frontend will not verify',
    );
  }
  if (config.database.migrateOnStart) {
    await migrateWithRetry(config, (message) => server.log.warn(message));
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

await main();
