import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIGEST_CRON, DIGEST_QUEUE } from '../../src/notifications/queue.js';
import { startBossClient } from '../helpers/boss-client.js';
import { recordingChannels } from '../helpers/recording-channels.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// The digest's functions are tested in digest.test.ts; this proves the backend runs them: its
// workers register the quarter-hourly cron and work the digest queue, once per local day.
const recording = recordingChannels();
let t: TestApp;
let boss: PgBoss;

beforeAll(async () => {
  t = await buildTestApp({
    reminders: { workers: true, jobTimeoutSeconds: 10 },
    channels: recording.channels,
  });
  boss = await startBossClient(t.database.url);
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await t.close();
});

const completedDigestJobs = async () => {
  const [row] = await t.sql<{ count: number }[]>`
    select count(*)::int as count from pgboss.job where name = ${DIGEST_QUEUE} and state = 'completed'`;
  return row?.count ?? 0;
};

describe('daily digest schedule', () => {
  it('registers the cron, and a tick mails a due digest once', async () => {
    await vi.waitFor(
      async () => {
        const rows = await t.sql`select cron from pgboss.schedule where name = ${DIGEST_QUEUE}`;
        expect(rows.map((row) => row.cron)).toEqual([DIGEST_CRON]);
      },
      { timeout: 20_000, interval: 200 },
    );

    await t.createUsers('digest-reader');
    await t.createTask('digest-reader', {
      title: 'File the tax return',
      due_at: new Date(Date.now() - 26 * 3600_000).toISOString(),
    });
    // The digest hour is the hour it is now in UTC: due at this very tick.
    await t.sql`insert into notification_settings (user_id, digest_hour, time_zone)
      values ('digest-reader', ${new Date().getUTCHours()}, 'UTC')`;

    await boss.send(DIGEST_QUEUE, {});
    await vi.waitFor(() => expect(recording.mails).toHaveLength(1), {
      timeout: 20_000,
      interval: 200,
    });
    expect(recording.mails[0]?.to).toBe('digest-reader@example.test');
    expect(recording.mails[0]?.text).toContain('File the tax return');

    // The next tick finds the delivery row for that local day and mails nothing more.
    await boss.send(DIGEST_QUEUE, {});
    await vi.waitFor(async () => expect(await completedDigestJobs()).toBeGreaterThanOrEqual(2), {
      timeout: 20_000,
      interval: 200,
    });
    expect(recording.mails).toHaveLength(1);
  });
});
