import ICAL from 'ical.js';

/** A feed as ical.js (an independent parser) reads it: the calendar and its events. */
export function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

/** The first `count` start times of an event's series, as instants (ISO) and as local wall time. */
export function occurrences(event: ICAL.Event, count: number) {
  const iterator = event.iterator();
  const starts: { utc: string; local: string }[] = [];
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) {
    starts.push({
      utc: next.toJSDate().toISOString(),
      local: next.toString().slice(0, 16),
    });
  }
  return starts;
}
