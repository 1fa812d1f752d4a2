import type { Database } from '@todo/db/client';
import { sql } from 'drizzle-orm';
import { isoText } from '../repositories/task-row.js';
import type { EmailChannel } from './channel.js';
import { type DeliveryObserver, type DeliveryOutcome, deliverOnce } from './deliver.js';
import { type DigestTask, digestEmail } from './digest-email.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';

/** A user whose digest hour has come in their zone, with no digest for that local day yet. */
export interface DueDigest {
  userId: string;
  email: string;
  timeZone: string;
  /** The user's local date (YYYY-MM-DD). */
  localDate: string;
  /** When the digest hour began, in UTC: the delivery's fire time. */
  fireAt: Date;
}

/** One digest per user and local day: the key deliverOnce keeps it unique by. */
export const digestDeliveryKey = (userId: string, localDate: string) =>
  `digest:${userId}:${localDate}`;

/** The digests due at `now`: digest_hour reached in the user's time_zone, none sent that day. */
export async function dueDigests(db: Database, now: Date): Promise<DueDigest[]> {
  const rows = await db.execute<{
    user_id: string;
    email: string;
    time_zone: string;
    local_date: string;
    fire_at: string;
  }>(sql`
    select s.user_id, u.email, s.time_zone, to_char(local.day, 'YYYY-MM-DD') as local_date,
      ${sql.raw(isoText('((local.day + make_interval(hours => s.digest_hour)) at time zone s.time_zone)'))} as fire_at
    from notification_settings s
    join "user" u on u.id = s.user_id
    cross join lateral (
      select ${now.toISOString()}::timestamptz at time zone s.time_zone as at
    ) as clock
    cross join lateral (select clock.at::date as day) as local
    where s.digest_hour is not null
      and extract(hour from clock.at) >= s.digest_hour
      and not exists (
        select 1 from deliveries d
        where d.key = 'digest:' || s.user_id || ':' || to_char(local.day, 'YYYY-MM-DD')
          and d.status <> 'failed'
      )
    order by s.user_id`);
  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    timeZone: row.time_zone,
    localDate: row.local_date,
    fireAt: new Date(row.fire_at),
  }));
}

/** At most this many tasks per section; a digest is a summary, the app has the rest. */
const SECTION_MAX = 50;

/** The user's open tasks due before the end of `localDate` in `timeZone`: overdue, then today. */
export async function digestTasks(
  db: Database,
  { userId, timeZone, localDate }: Pick<DueDigest, 'userId' | 'timeZone' | 'localDate'>,
): Promise<{ overdue: DigestTask[]; today: DigestTask[] }> {
  const rows = await db.execute<{
    id: number;
    title: string;
    due_at: string;
    overdue: boolean;
  }>(sql`
    select id, title, due_at::text,
      due_at < (${localDate}::date::timestamp at time zone ${timeZone}) as overdue
    from tasks
    where user_id = ${userId} and not completed and due_at is not null
      and due_at < ((${localDate}::date + 1)::timestamp at time zone ${timeZone})
    order by due_at, id`);
  const task = (row: (typeof rows)[number]) => ({
    id: row.id,
    title: row.title,
    dueAt: new Date(row.due_at),
  });
  return {
    overdue: rows
      .filter((row) => row.overdue)
      .slice(-SECTION_MAX)
      .map(task),
    today: rows
      .filter((row) => !row.overdue)
      .slice(0, SECTION_MAX)
      .map(task),
  };
}

export interface DigestSenderOptions {
  db: Database;
  email: EmailChannel;
  /** BETTER_AUTH_SECRET: signs the unsubscribe links. */
  secret: string;
  /** PUBLIC_APP_URL. */
  appUrl: string;
  /** Told of each digest's outcome (the metrics). */
  observe?: DeliveryObserver;
}

/**
 * Sends every digest due at `now`, each at most once (deliverOnce: a second replica, a retried job
 * or a later hour finds its delivery row); returns the outcomes.
 */
export async function sendDueDigests(options: DigestSenderOptions, now = new Date()) {
  const outcomes: DeliveryOutcome[] = [];
  if (!options.email.available) return outcomes;
  for (const due of await dueDigests(options.db, now)) {
    const tasks = await digestTasks(options.db, due);
    if (tasks.overdue.length + tasks.today.length === 0) continue;
    const token = signUnsubscribeToken(options.secret, due.userId);
    const message = digestEmail(
      {
        ...due,
        ...tasks,
        to: due.email,
        unsubscribeUrl: `${options.appUrl}/unsubscribe?token=${encodeURIComponent(token)}`,
      },
      options.appUrl,
    );
    const outcome = await deliverOnce(
      options.db,
      {
        key: digestDeliveryKey(due.userId, due.localDate),
        userId: due.userId,
        kind: 'digest',
        channel: 'email',
        target: due.email,
        fireAt: due.fireAt,
      },
      () => options.email.send(message),
      options.observe,
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
