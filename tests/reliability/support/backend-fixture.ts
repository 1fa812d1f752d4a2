import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { insertUsers } from './accounting.js';
import { type BackendProcess, type StartBackendOptions, startBackend } from './backend.js';

export interface BackendFixture {
  /** Direct access to the test database, to look behind the API. */
  sql: postgres.Sql;
  backend: BackendProcess;
}

/**
 * Registers the hooks that give a test file a fresh database holding `users` and the production
 * backend running on it; returns an accessor for them (which throws if the start failed).
 */
export function useBackendOnFreshDatabase(
  users: readonly string[],
  options: Omit<StartBackendOptions, 'databaseUrl'> & { stopGraceMs?: number } = {},
): () => BackendFixture {
  let database: TestDatabase | undefined;
  let sql: postgres.Sql | undefined;
  let backend: BackendProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    await insertUsers(sql, [...users]);
    backend = await startBackend({ ...options, databaseUrl: database.url });
  });

  afterAll(async () => {
    await backend?.stop(options.stopGraceMs);
    await sql?.end({ timeout: 5 });
    await database?.drop();
  });

  return () => {
    if (!sql || !backend) throw new Error('the backend did not start');
    return { sql, backend };
  };
}
