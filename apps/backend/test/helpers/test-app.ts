import { type CreateTaskBody, signAccessToken, type Task } from '@todo/contract';
import { schema } from '@todo/db/client';
import { drizzle } from 'drizzle-orm/postgres-js';
import Fastify, {
  type FastifyInstance,
  type InjectOptions,
  type LightMyRequestResponse,
} from 'fastify';
import postgres from 'postgres';
import { expect, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.js';
import app, { type AppOptions } from '../../src/app.js';
import type { OutboundPolicy } from '../../src/lib/outbound-url.js';
import type { Channels } from '../../src/notifications/channel.js';
import { inboxId } from '../../src/repositories/inbox.js';
import { serverOptions } from '../../src/server-options.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by tests/support/postgres-global-setup.ts. */
    postgresServerUrl: string;
  }
}

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestAppOptions {
  corsOrigins?: string[];
  /** Run on this database (already migrated) instead of a fresh one; it is not dropped on close. */
  databaseUrl?: string;
  /** As METRICS_PORT does: GET /metrics on 127.0.0.1:metricsPort only, not on the app. */
  metricsPort?: number;
  /** Work the reminder queue in this app (off by default: reminders are only scheduled). */
  reminders?: { workers: boolean; jobTimeoutSeconds: number };
  /** Default: private hosts allowed, http too (OUTBOUND_ALLOW_PRIVATE=true, not production). */
  outbound?: OutboundPolicy;
  /** Default: none available. */
  channels?: Channels;
  /** Webhook retries and sweeps (dispatch and sends run with `reminders.workers`). */
  webhooks?: AppOptions['webhooks'];
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Inserts users into Better Auth's table, as signing up would. */
  createUsers(...ids: string[]): Promise<void>;
  /** A request as `userId`, with a valid token. */
  as(userId: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Creates a task through the API and returns it (fails the test unless the answer is 201). */
  createTask(userId: string, body: CreateTaskBody): Promise<Task>;
  /** The user's Inbox project, created if need be (for rows inserted behind the API). */
  inboxId(userId: string): Promise<number>;
  /** Runs SQL on the test database directly, to look behind the API. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * The real app on a fresh migrated database of its own; requests go through app.inject. The
 * Fastify instance gets the same process options as server.ts (body limit, request ids), with
 * logging off unless TEST_LOG is set.
 */
export async function buildTestApp(overrides: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = overrides.databaseUrl
    ? {
        url: overrides.databaseUrl,
        name: new URL(overrides.databaseUrl).pathname,
        drop: async () => {},
      }
    : await createTestDatabase(inject('postgresServerUrl'));
  const fastify = Fastify({
    ...serverOptions({ http: { corsOrigins: [], logLevel: 'silent' } }),
    logger: process.env.TEST_LOG ? { level: 'error' } : false,
  });
  await fastify.register(app, {
    database: { url: database.url, poolMax: 5, migrateOnStart: false },
    auth: { secret: TEST_SECRET, secretGenerated: false },
    http: { corsOrigins: overrides.corsOrigins ?? [], logLevel: 'silent' },
    metrics: { host: '127.0.0.1', port: overrides.metricsPort },
    ...(overrides.reminders ? { reminders: overrides.reminders } : {}),
    outbound: overrides.outbound ?? { httpsOnly: false, allowPrivate: true },
    ...(overrides.channels ? { channels: overrides.channels } : {}),
    ...(overrides.webhooks ? { webhooks: overrides.webhooks } : {}),
  });
  await fastify.ready();
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  const as: TestApp['as'] = async (userId, options) => {
    const token = await signAccessToken(TEST_SECRET, userId);
    return fastify.inject({
      ...options,
      headers: { authorization: `Bearer ${token}`, ...options.headers },
    });
  };
  return {
    app: fastify,
    database,
    sql,
    async createUsers(...ids) {
      for (const id of ids) {
        await sql`insert into "user" (id, name, email) values (${id}, ${id}, ${`${id}@example.test`})`;
      }
    },
    as,
    inboxId: (userId) => inboxId(drizzle(sql, { schema, casing: 'snake_case' }), userId),
    async createTask(userId, body) {
      const response = await as(userId, {
        method: 'POST',
        url: `/api/${userId}/tasks`,
        payload: body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<Task>();
    },
    async close() {
      await fastify.close();
      await sql.end({ timeout: 5 });
      await database.drop();
    },
  };
}

/** Asserts an RFC 9457 problem answer with this status and returns its body. */
export function expectProblem(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json<{
    type: string;
    title: string;
    status: number;
    detail?: string;
    instance?: string;
    errors?: { path: string; message: string }[];
  }>();
  expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  return problem;
}
