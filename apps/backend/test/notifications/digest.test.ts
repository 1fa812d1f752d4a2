import { createDatabase } from '@todo/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpServer, startSmtpServer } from '../../../../tests/support/smtp-server.js';
import { digestTasks, dueDigests, sendDueDigests } from '../../src/notifications/digest.js';
import { createEmailChannel } from '../../src/notifications/email-channel.js';
import { verifyUnsubscribeToken } from '../../src/notifications/unsubscribe-token.js';
import { buildTestApp, TEST_SECRET, type TestApp } from '../helpers/test-app.js';

const APP_URL = 'https://todo.example.test';

let t: TestApp;
let database: ReturnType<typeof createDatabase>;
let smtp: SmtpServer;

async function digestAt(userId: string, hour: number | null, timeZone: string) {
  await t.sql`insert into notification_settings (user_id, digest_hour, time_zone)
    values (${userId}, ${hour}, ${timeZone})
    on conflict (user_id) do update set digest_hour = ${hour}, time_zone = ${timeZone}`;
}

const dueFor = async (now: string) =>
  (await dueDigests(database.db, new Date(now))).map((due) => ({
    userId: due.userId,
    localDate: due.localDate,
    fireAt: due.fireAt.toISOString(),
  }));

beforeAll(async () => {
  t = await buildTestApp();
  database = createDatabase(t.database.url, { max: 2 });
  smtp = await startSmtpServer();
  await t.createUsers('auckland', 'angeles', 'off', 'empty');
  await digestAt('auckland', 7, 'Pacific/Auckland');
  await digestAt('angeles', 20, 'America/Los_Angeles');
  await digestAt('off', null, 'UTC');
  await digestAt('empty', 0, 'UTC');
});
afterAll(async () => {
  await smtp.close();
  await database.close();
  await t.close();
});

describe('daily digest: who is due', () => {
  it('finds a user once their hour has come in their zone, on the local day (another UTC day)', async () => {
    // 07:00 on 2 December in Auckland (UTC+13) is 18:00 on 1 December in UTC.
    expect((await dueFor('2026-12-01T17:55:00Z')).map((d) => d.userId)).not.toContain('auckland');
    expect(await dueFor('2026-12-01T18:05:00Z')).toContainEqual({
      userId: 'auckland',
      localDate: '2026-12-02',
      fireAt: '2026-12-01T18:00:00.000Z',
    });
    // 20:00 on 1 December in Los Angeles (UTC-8) is 04:00 on 2 December in UTC.
    expect((await dueFor('2026-12-02T03:59:00Z')).map((d) => d.userId)).not.toContain('angeles');
    expect(await dueFor('2026-12-02T04:00:00Z')).toContainEqual({
      userId: 'angeles',
      localDate: '2026-12-01',
      fireAt: '2026-12-02T04:00:00.000Z',
    });
  });

  it('never finds a user whose digest is off', async () => {
    for (const now of ['2026-12-01T00:00:00Z', '2026-12-01T12:00:00Z', '2026-12-01T23:59:00Z'])
      expect((await dueFor(now)).map((d) => d.userId)).not.toContain('off');
  });

  it('skips a user whose digest for that local day was sent, but not one that failed', async () => {
    const key = 'digest:empty:2026-11-20';
    const due = async () => (await dueFor('2026-11-20T10:00:00Z')).map((d) => d.userId);
    expect(await due()).toContain('empty');
    await t.sql`insert into deliveries (key, user_id, kind, channel, target, fire_at, status)
      values (${key}, 'empty', 'digest', 'email', 'empty@example.test', '2026-11-20T00:00:00Z', 'failed')`;
    expect(await due()).toContain('empty');
    await t.sql`update deliveries set status = 'sent' where key = ${key}`;
    expect(await due()).not.toContain('empty');
    // The next local day is a new digest.
    expect((await dueFor('2026-11-21T10:00:00Z')).map((d) => d.userId)).toContain('empty');
  });
});

describe('daily digest: what it says', () => {
  beforeAll(async () => {
    const task = (title: string, due_at: string | undefined) =>
      t.createTask('auckland', { title, due_at, time_zone: 'Pacific/Auckland' });
    // Auckland's 2 December runs from 2026-12-01T11:00Z to 2026-12-02T11:00Z.
    await task('Long overdue', '2026-11-20T01:00:00Z');
    await task('Due yesterday evening', '2026-12-01T10:59:00Z');
    await task('Due this morning <b>', '2026-12-01T20:00:00Z');
    await task('Due tonight', '2026-12-02T10:59:00Z');
    await task('Due tomorrow', '2026-12-02T11:00:00Z');
    await task('No due time', undefined);
    const done = await task('Done already', '2026-12-01T21:00:00Z');
    await t.sql`update tasks set completed = true where id = ${done.id}`;
  });

  it('lists open tasks overdue and due today in the user’s zone', async () => {
    const tasks = await digestTasks(database.db, {
      userId: 'auckland',
      timeZone: 'Pacific/Auckland',
      localDate: '2026-12-02',
    });
    expect(tasks.overdue.map((task) => task.title)).toEqual([
      'Long overdue',
      'Due yesterday evening',
    ]);
    expect(tasks.today.map((task) => task.title)).toEqual(['Due this morning <b>', 'Due tonight']);
  });

  it('emails it once, with plain-text and HTML bodies and a working unsubscribe link', async () => {
    const email = createEmailChannel({
      smtpUrl: smtp.url,
      from: 'todo@example.test',
      publicAppUrl: APP_URL,
    });
    const options = { db: database.db, email, secret: TEST_SECRET, appUrl: APP_URL };
    const now = new Date('2026-12-01T18:05:00Z');
    // Two replicas at once, then a later hour of the same local day: one mail. 'empty' is due as
    // well but has no tasks: no mail for it.
    const [first, second] = await Promise.all([
      sendDueDigests(options, now),
      sendDueDigests(options, now),
    ]);
    const later = await sendDueDigests(options, new Date('2026-12-01T19:05:00Z'));
    // The second finds the delivery row (skipped) or no longer finds the digest due at all.
    const outcomes = [...(first ?? []), ...(second ?? []), ...later].map((o) => o.status);
    expect(outcomes.filter((status) => status === 'sent')).toHaveLength(1);
    expect(outcomes.every((status) => status === 'sent' || status === 'skipped')).toBe(true);
    const [row] = await t.sql`select status, kind, channel, target from deliveries
      where key = 'digest:auckland:2026-12-02'`;
    expect(row).toEqual({
      status: 'sent',
      kind: 'digest',
      channel: 'email',
      target: 'auckland@example.test',
    });
    const [mail] = await smtp.waitForMails(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails).toHaveLength(1);
    const parsed = mail?.parsed;
    expect(mail?.envelopeTo).toEqual(['auckland@example.test']);
    expect(parsed?.subject).toBe('Your tasks for 2026-12-02: 2 overdue, 2 today');
    expect(parsed?.text).toMatch(/Overdue \(2\)\n- Long overdue \(Fri 20 Nov, 14:00\)/);
    expect(parsed?.text).toContain('- Due this morning <b> (Wed 2 Dec, 09:00)');
    expect(parsed?.text).not.toContain('Due tomorrow');
    expect(parsed?.html).toContain('Due this morning &lt;b&gt;');
    const link = /<(https:\/\/todo\.example\.test\/unsubscribe\?token=[^>]+)>/.exec(
      String(parsed?.headerLines.find((header) => header.key === 'list-unsubscribe')?.line),
    )?.[1];
    expect(link).toBeDefined();
    expect(parsed?.text).toContain(link);
    const token = new URL(String(link)).searchParams.get('token') ?? '';
    expect(verifyUnsubscribeToken(TEST_SECRET, token)).toBe('auckland');
    expect(verifyUnsubscribeToken('another-secret-of-at-least-32-characters', token)).toBeNull();
  });

  it('sends nothing when email is off', async () => {
    const options = {
      db: database.db,
      email: createEmailChannel(null),
      secret: TEST_SECRET,
      appUrl: APP_URL,
    };
    expect(await sendDueDigests(options, new Date('2026-12-03T18:05:00Z'))).toEqual([]);
  });
});
