import { CALENDAR_FEED_LIMITS, type CalendarFeed } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { inTransaction } from '../repositories/transaction.js';
import type { FeedTask } from './feed-document.js';
import { hashFeedToken, newFeedToken } from './feed-token.js';

const { calendarFeeds, projects, tasks } = schema;

type FeedRow = {
  id: number;
  projectId: number | null;
  projectName: string | null;
  createdAt: Date;
};

const toFeed = (row: FeedRow): CalendarFeed => ({
  id: row.id,
  project_id: row.projectId,
  project_name: row.projectName,
  created_at: row.createdAt.toISOString(),
});

const feedColumns = {
  id: calendarFeeds.id,
  projectId: calendarFeeds.projectId,
  projectName: projects.name,
  createdAt: calendarFeeds.createdAt,
};

/** What a feed's URL shows: its calendar's name and tasks. */
export interface FeedContents {
  /** The project's name; null for the feed of every project. */
  projectName: string | null;
  tasks: FeedTask[];
}

/** A user's calendar feeds, and a feed's tasks by its token. */
export function createCalendarFeedsRepository(db: Database) {
  return {
    async list(userId: string): Promise<CalendarFeed[]> {
      const rows = await db
        .select(feedColumns)
        .from(calendarFeeds)
        .leftJoin(projects, eq(projects.id, calendarFeeds.projectId))
        .where(eq(calendarFeeds.userId, userId))
        .orderBy(sql`${calendarFeeds.projectId} is not null`, asc(projects.name));
      return rows.map(toFeed);
    },

    /**
     * Makes the feed of every task (projectId null) or of one of the user's projects, or gives
     * the existing one a new token: its old URL stops working in the same statement. Null when
     * the project is not the user's. The project row is locked so it cannot go in between.
     */
    async issue(
      userId: string,
      projectId: number | null,
    ): Promise<{ feed: CalendarFeed; token: string } | null> {
      return inTransaction(db, async (tx) => {
        let projectName: string | null = null;
        if (projectId !== null) {
          const [project] = await tx
            .select({ name: projects.name })
            .from(projects)
            .where(and(eq(projects.id, projectId), eq(projects.userId, userId)))
            .for('key share');
          if (!project) return null;
          projectName = project.name;
        }
        const { token, hash } = newFeedToken();
        const [row] = await tx
          .insert(calendarFeeds)
          .values({ userId, projectId, tokenHash: hash })
          .onConflictDoUpdate({
            target: [calendarFeeds.userId, calendarFeeds.projectId],
            set: { tokenHash: hash, createdAt: sql`now()` },
          })
          .returning({
            id: calendarFeeds.id,
            projectId: calendarFeeds.projectId,
            createdAt: calendarFeeds.createdAt,
          });
        if (!row) throw new Error('insert … on conflict do update returned no row');
        return { feed: toFeed({ ...row, projectName }), token };
      });
    },

    /** Deletes one of the user's feeds (its URL stops working); false when there is none. */
    async remove(userId: string, id: number): Promise<boolean> {
      const removed = await db
        .delete(calendarFeeds)
        .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.userId, userId)))
        .returning({ id: calendarFeeds.id });
      return removed.length > 0;
    },

    /**
     * The feed a token opens, looked up by the token's hash: its open tasks with a due time,
     * soonest first, at most CALENDAR_FEED_LIMITS.eventsMax. Null for a token no feed has now.
     */
    async contents(token: string): Promise<FeedContents | null> {
      const [feed] = await db
        .select({
          userId: calendarFeeds.userId,
          projectId: calendarFeeds.projectId,
          projectName: projects.name,
        })
        .from(calendarFeeds)
        .leftJoin(projects, eq(projects.id, calendarFeeds.projectId))
        .where(eq(calendarFeeds.tokenHash, hashFeedToken(token)));
      if (!feed) return null;
      const rows = await db
        .select({
          id: tasks.id,
          title: tasks.title,
          description: tasks.description,
          priority: tasks.priority,
          tags: tasks.tags,
          dueAt: tasks.dueAt,
          updatedAt: tasks.updatedAt,
          rrule: tasks.rrule,
          repeatFrom: tasks.repeatFrom,
          timeZone: tasks.timeZone,
          recurrenceAnchorAt: tasks.recurrenceAnchorAt,
          occurrence: tasks.occurrence,
        })
        .from(tasks)
        .where(
          and(
            eq(tasks.userId, feed.userId),
            eq(tasks.completed, false),
            isNotNull(tasks.dueAt),
            feed.projectId === null ? undefined : eq(tasks.projectId, feed.projectId),
          ),
        )
        .orderBy(asc(tasks.dueAt), asc(tasks.id))
        .limit(CALENDAR_FEED_LIMITS.eventsMax);
      return {
        projectName: feed.projectName,
        tasks: rows.flatMap((row) => (row.dueAt ? [{ ...row, dueAt: row.dueAt }] : [])),
      };
    },
  };
}

export type CalendarFeedsRepository = ReturnType<typeof createCalendarFeedsRepository>;
