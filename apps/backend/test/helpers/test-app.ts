import { signAccessToken } from '@todo/contract';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.js';
import app from '../../src/app.js';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Inserts users into Better Auth's table, as signing up would. */
  createUsers(...ids: string[]): Promise<void>;
  /** A request as `userId`, with a valid token. */
  as(userId: string, options: InjectOptions): ReturnType<FastifyInstance['inject']>;
  close(): Promise<void>;
}

/** The real app on a fresh migrated database of its own; requests go through app.inject. */
export async function buildTestApp(overrides: { corsOrigins?: string[] } = {}): Promise<TestApp> {
  const database = await createTestDatabase(inject('postgresServerUrl'));
  const fastify = Fastify({ logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await fastify.register(app, {
    database: { url: database.url, poolMax: 5, migrateOnStart: false },
    auth: { secret: TEST_SECRET, secretGenerated: false },
    http: { corsOrigins: overrides.corsOrigins ?? [], logLevel: 'silent' },
  });
  await fastify.ready();
  return {
    app: fastify,
    database,
    async createUsers(...ids) {
      const sql = postgres(database.url, { max: 1 });
      for (const id of ids) {
        await sql`insert into "user" (id, name, email) values (${id}, ${id}, ${`${id}@example.test`})`;
      }
      await sql.end();
    },
    async as(userId, options) {
      const token = await signAccessToken(TEST_SECRET, userId);
      return fastify.inject({
        ...options,
        headers: { authorization: `Bearer ${token}`, ...options.headers },
      });
    },
    async close() {
      await fastify.close();
      await database.drop();
    },
  };
}
