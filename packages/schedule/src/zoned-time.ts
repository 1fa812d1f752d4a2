/** Calendar arithmetic in an IANA time zone with nothing but Intl (no date library). */

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FORMAT: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  weekday: 'short',
};

// One formatter (~27 KB each, measured) per zone, keyed by its lower-cased name: V8 accepts any
// letter case, and keyed by the raw `tz` cookie each case variant was a new entry for good (20k
// requests grew the server by 600 MB). Lower-casing first also spares building a formatter per
// variant, which alone grew RSS by 70 MB over 5,000 of them before the GC caught up. The bound
// holds every IANA name and link (~600), so real zones are never evicted.
const MAX_CACHED_ZONES = 600;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const key = timeZone.toLowerCase();
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT, timeZone });
    if (formatters.size >= MAX_CACHED_ZONES) {
      const oldest = formatters.keys().next().value;
      if (oldest !== undefined) formatters.delete(oldest);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many formatters are cached (the memory test's window into the bound). */
export function cachedZoneCount(): number {
  return formatters.size;
}

/**
 * The runtime's canonical name of an IANA zone (`aMeRiCA/new_york` → `America/New_York`), or null
 * when it knows no such zone.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!timeZone || timeZone.length > 64) return null;
  try {
    return formatterFor(timeZone).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall-clock fields of an instant in a zone, as Intl writes them. */
function intlParts(instant: Date, timeZone: string): ZonedParts & { second: number } {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    weekday: WEEKDAYS.indexOf(fields.weekday ?? '') + 1,
  };
}

/** Milliseconds the zone is ahead of UTC at that instant, from Intl (~20–40 µs a call). */
function intlOffsetAt(instant: number, timeZone: string): number {
  const p = intlParts(new Date(instant), timeZone);
  const asUtc = utcTime(p.year, p.month, p.day, p.hour, p.minute, p.second, 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Offsets by zone and quarter hour. Since 1970 every zone changes its offset on a quarter hour
// (offsets and transition times are whole quarter hours), so one offset holds a whole bucket;
// a bucket whose two ends disagree (older transitions at odd seconds) is never cached and is
// asked of Intl every time. This took Intl's `formatToParts` from a fifth of the tasks page's
// server CPU (every due date's day, label and group) to a call per zone and quarter hour.
const BUCKET_MS = 15 * 60 * 1000;
const MAX_CACHED_OFFSETS = 20_000;
const offsets = new Map<string, number>();

/** Milliseconds the zone is ahead of UTC at that instant. */
function offsetAt(instant: number, timeZone: string): number {
  if (!Number.isFinite(instant)) return intlOffsetAt(instant, timeZone);
  const start = Math.floor(instant / BUCKET_MS) * BUCKET_MS;
  const key = `${timeZone.toLowerCase()} ${start}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const offset = intlOffsetAt(start, timeZone);
  if (intlOffsetAt(start + BUCKET_MS - 1000, timeZone) !== offset) {
    return intlOffsetAt(instant, timeZone);
  }
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts & { second: number } {
  const time = instant.getTime();
  if (!Number.isFinite(time)) return intlParts(instant, timeZone);
  const wall = new Date(time + offsetAt(time, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a wall-clock time happens in a zone. Days may overflow (day 32 = next month). Like
 * Temporal's `compatible` disambiguation: a time skipped by a DST jump moves forward by the gap
 * (02:30 on a spring-forward night is 03:30), and a time that happens twice when clocks go back
 * is the earlier of the two instants.
 */
export function zonedTimeToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const wall = utcTime(year, month, day, hour, minute, second, millisecond);
  // The offsets a day before and after bracket any transition near this wall time; equal, there
  // is none (no zone changes its offset twice within two days), and the common case costs two
  // Intl calls (~40 µs each on a loaded machine) instead of four.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  if (offsetBefore === offsetAfter) return new Date(wall - offsetBefore);
  const valid = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => offsetAt(instant, timeZone) === wall - instant,
  );
  // Neither offset maps back: the time is in a gap, and the offset before it moves it forward.
  return new Date(valid.length > 0 ? Math.min(...valid) : wall - offsetBefore);
}

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
function utcTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** Midnight at the start of the day `instant` falls on in the zone, shifted by `addDays`. */
export function startOfZonedDay(instant: Date, timeZone: string, addDays = 0): Date {
  const p = zonedParts(instant, timeZone);
  return zonedTimeToInstant(timeZone, p.year, p.month, p.day + addDays);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in the zone: the value format of <input type="datetime-local">. */
export function toDateTimeLocal(iso: string, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * "14:00" in the zone, as Intl writes it for en-GB (2-digit, h23), from the zone offsets kept
 * here: the tasks page asks this of every due task, and Intl's `format` was ~2% of it.
 */
export function formatTimeOfDay(instant: Date, timeZone: string): string {
  const { hour, minute } = zonedParts(instant, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

/** Reads a datetime-local value as wall time in the zone; null when it is not one. */
export function fromDateTimeLocal(value: string, timeZone: string): Date | null {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59) {
    return null;
  }
  return zonedTimeToInstant(timeZone, year, month, day, hour, minute);
}

/** Minutes the zone is ahead of UTC at that instant (60 for Berlin in winter). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(offsetAt(instant.getTime(), timeZone) / 60_000);
}
