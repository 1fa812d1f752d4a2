export const TIME_ZONE_COOKIE = 'tz';

/** The cookie string the browser stores its zone in (readable by the server, a year long). */
export function timeZoneCookie(timeZone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
