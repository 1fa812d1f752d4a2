import Type, { type Static } from 'typebox';
import { TaskParams } from './task-schemas.js';

/**
 * Calendar feeds (issue 12): a secret iCalendar URL per user, of every open task with a due time
 * or of one project's. The token in the URL is the credential; only its SHA-256 is stored, so
 * the URL is shown once, when the feed is made or regenerated.
 */
export const CALENDAR_FEED_LIMITS = {
  /** Events in one document, soonest due first: a calendar app's refresh stays cheap. */
  eventsMax: 2000,
  /** Minutes every event lasts (a task has a due time, not a length). */
  eventMinutes: 30,
} as const;

/** 32 random bytes, base64url: what follows /calendar/ (before `.ics`). */
export const CALENDAR_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time' });

export const CalendarFeed = Type.Object({
  id: Type.Integer(),
  project_id: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The project whose tasks it lists; null: every project',
  }),
  project_name: Type.Union([Type.String(), Type.Null()], {
    description: 'That project’s name; null for the feed of every project',
  }),
  created_at: { ...DateTime, description: 'When its current URL was made' },
});
export const CalendarFeedList = Type.Object({ items: Type.Array(CalendarFeed) });

export const CreateCalendarFeedBody = Type.Object(
  {
    project_id: Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()], {
      description: 'A project of the user’s, or null for every task',
    }),
  },
  { additionalProperties: false },
);

/** The feed as made: the only answer that carries its secret. */
export const CreatedCalendarFeed = Type.Object({
  ...CalendarFeed.properties,
  token: Type.String({ pattern: CALENDAR_TOKEN_PATTERN, description: 'Shown this once' }),
  path: Type.String({
    description: 'The feed’s path on the public origin: /calendar/<token>.ics',
  }),
});

/** A feed's path under the user: the same shape as a task's (`user_id`, `id`). */
export const CalendarFeedParams = TaskParams;

export type CalendarFeed = Static<typeof CalendarFeed>;
export type CalendarFeedList = Static<typeof CalendarFeedList>;
export type CreateCalendarFeedBody = Static<typeof CreateCalendarFeedBody>;
export type CreatedCalendarFeed = Static<typeof CreatedCalendarFeed>;
