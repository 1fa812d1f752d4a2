// Loaded by Vitest outside the projects' resolver (no `source` condition): import the sources by path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../packages/db/src/embedded.js';
import { migrate } from '../../packages/db/src/migrate.js';
import { TEMPLATE_DATABASE } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (any database name) that test files create their own databases on. */
    postgresServerUrl: string;
  }
}

/**
 * Starts one real PostgreSQL for the whole run (or uses TEST_DATABASE_URL), creates a migrated
 * template database, and hands its server URL to the test files.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'todo-test-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir,
      persistent: false,
      database: 'postgres',
    });
    // As root in a folder the `postgres` user cannot enter, says where the cluster went instead.
    if (server.note) console.log(server.note);
    serverUrl = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await migrate(templateUrl.toString());
  project.provide('postgresServerUrl', serverUrl);
  return stop;
}
