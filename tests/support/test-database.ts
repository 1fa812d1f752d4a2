import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** Migrated once per run by the global setup; every test database is a copy of it. */
export const TEMPLATE_DATABASE = 'todo_test_template';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file: tests never share rows. `empty`: no
 * tables at all, for tests of the migrations themselves.
 */
export async function createTestDatabase(
  serverUrl: string,
  { empty = false } = {},
): Promise<TestDatabase> {
  const name = `todo_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}${empty ? '' : ` template ${TEMPLATE_DATABASE}`}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
