import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signAccessToken, type Task } from '@todo/contract';
import { type EmbeddedPostgres, freePort, startEmbeddedPostgres } from '@todo/db/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, stack as scripts } from '../support/scripts.js';
import { TEST_SECRET } from './support/backend.js';
import { LOG_DIR } from './support/build-global-setup.js';

// Distinctive strings that must never reach a log line, whatever fails.
const mark = (what: string) => `${what}-${randomBytes(6).toString('hex')}`;
const EMAIL = `${mark('leak-email')}@example.test`;
const PASSWORD = mark('leak-password');
const TASK_TITLE = mark('leak-task-title');
const BODY_TITLE = mark('leak-body-title');
const BODY_DESCRIPTION = mark('leak-body-description');

// Both apps against a PostgreSQL of this test's own, which it stops.
describe('logs while the database is down (production builds, its own PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'todo-log-outage-'));
  let database: EmbeddedPostgres | undefined;
  let stack: Awaited<ReturnType<typeof scripts.startStack>> | undefined;

  beforeAll(async () => {
    // The frontend's standalone build too; `npm test` has built it already.
    build.buildIfStale();
    // As root, PostgreSQL runs as a `postgres` user that must be able to enter this folder.
    chmodSync(dataDir, 0o755);
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres') });
    stack = await scripts.startStack({
      dataDir,
      databaseUrl: database.url,
      backendPort: await freePort(),
      frontendPort: await freePort(),
      secret: TEST_SECRET,
      // Kept after the run, beside the other reliability logs, for a look after a failure.
      logDir: path.join(LOG_DIR, 'logs-during-outage'),
    });
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a failed query never logs a session token, an access token, an email or task text', async () => {
    if (!stack || !database) throw new Error('the stack did not start');
    const { frontendUrl, backendUrl } = stack;
    const origin = { origin: frontendUrl, 'content-type': 'application/json' };

    // Up: a user with a session and a task, and the page that shows it.
    const signUp = await fetch(`${frontendUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ name: 'Leak Test', email: EMAIL, password: PASSWORD }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    const userId = ((await signUp.json()) as { user: { id: string } }).user.id;
    const cookie = signUp.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const sessionToken = decodeURIComponent(/session_token=([^;.]+)/.exec(cookie)?.[1] ?? '');
    expect(sessionToken).not.toBe('');
    const accessToken = await signAccessToken(TEST_SECRET, userId);
    const api = (method: string, route: string, body?: unknown) =>
      fetch(`${backendUrl}/api/${userId}/tasks${route}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const created = await api('POST', '', { title: TASK_TITLE, recurrence: 'daily' });
    expect(created.status).toBe(201);
    const task = (await created.json()) as Task;
    const page = await fetch(`${frontendUrl}/`, { headers: { cookie } });
    expect(await page.text()).toContain(TASK_TITLE);

    // Down: the same calls, each failing on a query that carries one of the markers.
    await database.stop();
    database = undefined;
    const body = { title: BODY_TITLE, description: BODY_DESCRIPTION };
    const answers = [
      await api('POST', '', body),
      await api('PUT', `/${task.id}`, body),
      await api('PATCH', `/${task.id}`, body),
      await api('PATCH', `/${task.id}/complete`),
      await api('GET', ''),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503, 503, 503]);
    // The page streams: its status may be 200 with the error page inside. What matters is the log.
    const pageDown = await fetch(`${frontendUrl}/`, { headers: { cookie } });
    expect(await pageDown.text()).not.toContain(TASK_TITLE);
    const signIn = await fetch(`${frontendUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBeGreaterThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the logs reach the files

    const read = (name: string) => readFileSync(path.join(stack?.logDir ?? '', name), 'utf8');
    const logs = { backend: read('backend.log'), frontend: read('frontend.log') };
    // The failures were logged (so the absence below means something), by code, not by query.
    expect(logs.backend).toMatch(
      /database unavailable.*ECONNREFUSED|ECONNREFUSED.*database unavailable/,
    );
    expect(logs.frontend).toMatch(/ECONNREFUSED/);
    for (const [app, text] of Object.entries(logs)) {
      for (const secret of [sessionToken, accessToken, EMAIL, PASSWORD]) {
        expect(text, `${app} log`).not.toContain(secret);
      }
      for (const marker of [TASK_TITLE, BODY_TITLE, BODY_DESCRIPTION, 'Failed query', 'params:']) {
        expect(text, `${app} log`).not.toContain(marker);
      }
    }
  });
});
