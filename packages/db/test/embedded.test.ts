import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '@todo/db/embedded';
import { afterEach, describe, expect, inject, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  it('reports a PostgreSQL that exits at start in one line naming the cause', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'todo-embedded-'));
    dirs.push(dataDir);
    // The run's own server already holds this port (and its socket's lock file).
    const port = Number(new URL(inject('postgresServerUrl')).port);
    const failure = await startEmbeddedPostgres({ dataDir, port, persistent: false }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmbeddedPostgresError);
    const { message, stack } = failure as EmbeddedPostgresError;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      /^embedded PostgreSQL did not start in \S+: .*(lock file|already in use|could not).* \(set DATABASE_URL to use another PostgreSQL\)$/,
    );
    expect(stack).toBe(`EmbeddedPostgresError: ${message}`);
  });
});
