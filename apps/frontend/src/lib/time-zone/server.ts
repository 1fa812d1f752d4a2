import 'server-only';
import { canonicalTimeZone } from '@todo/schedule';
import { cookies } from 'next/headers';
import { TIME_ZONE_COOKIE } from '@/lib/time-zone/cookie';

/**
 * The user's IANA zone, sent by the browser in a cookie (see TimeZoneSync) so that "today",
 * "this week" and datetime-local values mean the user's day, not the server's. UTC until known.
 */
export async function userTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  // Canonical, so every later lookup of this request hits the one cached formatter of the zone.
  return (value && canonicalTimeZone(value)) || 'UTC';
}
