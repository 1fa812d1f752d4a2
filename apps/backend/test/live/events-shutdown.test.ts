import { signAccessToken } from '@todo/contract';
import { freePort } from '@todo/db/embedded';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.js';
import { openEventStream } from '../helpers/event-stream.js';
import {
  exitCode,
  killGroup,
  startServer,
  stopAllServers,
  waitUntilListening,
} from '../helpers/server-process.js';

const SECRET = 'events-shutdown-secret-that-is-long-enough-0123';
let database: TestDatabase | undefined;

afterAll(async () => {
  await stopAllServers();
  await database?.drop();
});

describe('SIGTERM with event streams open (server.ts as a process)', () => {
  it('ends the streams and exits 0 well inside the drain timeout', async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    await sql`insert into "user" (id, name, email) values ('streamer', 'S', 's@example.test')`;
    await sql.end();
    const port = await freePort();
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilListening(server, base);
    const token = await signAccessToken(SECRET, 'streamer');
    const streams = await Promise.all(
      [1, 2].map(() =>
        openEventStream(`${base}/api/streamer/events`, { authorization: `Bearer ${token}` }),
      ),
    );
    expect(streams.map((stream) => stream.status)).toEqual([200, 200]);

    const started = Date.now();
    killGroup(server.child, 'SIGTERM');
    // The drain waits up to the keep-alive timeout (5 s) for connections to go; the streams end
    // then, before the server closes, instead of holding it until SHUTDOWN_TIMEOUT_MS (10 s).
    expect(await exitCode(server, 9_000)).toBe(0);
    await Promise.all(streams.map((stream) => stream.ended));
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(server.stderr()).not.toContain('drain timed out');
  });
});
