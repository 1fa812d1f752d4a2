import { CALENDAR_FEED_LIMITS, type Priority } from '@todo/contract';
import { canonicalTimeZone, icalendarRule, type SeriesColumns, zonedParts } from '@todo/schedule';
import { escapeText, icsDocument, localDateTime, utcDateTime } from './ics-text.js';
import { zoneDefinitions } from './zone-definitions.js';

/** A task as the feed writes it (Drizzle column names). */
export interface FeedTask extends SeriesColumns {
  id: number;
  title: string;
  description: string | null;
  priority: Priority;
  tags: string[];
  dueAt: Date;
  updatedAt: Date;
}

export interface FeedDocumentOptions {
  /** X-WR-CALNAME and NAME: "Todo", or the project's name. */
  name: string;
  /** The web app's public origin: each event links to its task there, and UIDs name its host. */
  appOrigin: string;
  tasks: readonly FeedTask[];
}

/** RFC 5545 §3.8.1.9: 1 is the highest, 5 medium, 9 the lowest. */
const PRIORITIES: Record<Priority, number> = { high: 1, medium: 5, low: 9 };

/** How often a calendar app should fetch the feed again (RFC 7986 and Outlook's name for it). */
const REFRESH = 'PT1H';

const isUtc = (timeZone: string) => timeZone === 'UTC' || timeZone === 'Etc/UTC';

function eventLines(task: FeedTask, timeZone: string, appOrigin: string): string[] {
  const link = `${appOrigin}/tasks/${task.id}`;
  const description = task.description ? `${task.description}\n\n${link}` : link;
  const start = isUtc(timeZone)
    ? `DTSTART:${utcDateTime(task.dueAt)}`
    : `DTSTART;TZID=${timeZone}:${localDateTime(zonedParts(task.dueAt, timeZone))}`;
  const rrule = icalendarRule({ ...task, timeZone });
  return [
    'BEGIN:VEVENT',
    `UID:task-${task.id}@${new URL(appOrigin).hostname}`,
    // Without a METHOD, DTSTAMP is when the event was last changed (§3.8.7.2): the document
    // stays byte-for-byte the same until a task changes, so its ETag does too.
    `DTSTAMP:${utcDateTime(task.updatedAt)}`,
    `LAST-MODIFIED:${utcDateTime(task.updatedAt)}`,
    start,
    `DURATION:PT${CALENDAR_FEED_LIMITS.eventMinutes}M`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `SUMMARY:${escapeText(task.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${link}`,
    ...(task.tags.length > 0 ? [`CATEGORIES:${task.tags.map(escapeText).join(',')}`] : []),
    `PRIORITY:${PRIORITIES[task.priority]}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * The whole iCalendar document (RFC 5545): one VEVENT per task given (the caller gives open
 * tasks with a due time, at most CALENDAR_FEED_LIMITS.eventsMax), each at its due time in its
 * own zone with a VTIMEZONE for that zone, repeating ones with their RRULE.
 */
export function feedDocument(options: FeedDocumentOptions, now = new Date()): string {
  // Once per zone name: resolving one costs an Intl call, and 2,000 tasks share a few zones.
  const zones = new Map<string, string>();
  const zoneOf = ({ timeZone }: FeedTask) => {
    let zone = zones.get(timeZone);
    if (zone === undefined) {
      zone = canonicalTimeZone(timeZone) ?? 'UTC';
      zones.set(timeZone, zone);
    }
    return zone;
  };
  const zoned = options.tasks.filter((task) => !isUtc(zoneOf(task)));
  return icsDocument([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Todo on Kubernetes//Calendar feed//EN',
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    ...zoneDefinitions(
      zoned.map((task) => ({ timeZone: zoneOf(task), year: task.dueAt.getUTCFullYear() })),
      now.getUTCFullYear(),
    ),
    ...options.tasks.flatMap((task) => eventLines(task, zoneOf(task), options.appOrigin)),
    'END:VCALENDAR',
  ]);
}
