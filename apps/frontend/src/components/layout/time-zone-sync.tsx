'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE, timeZoneCookie } from '@/lib/time-zone/cookie';

/**
 * Tells the server the browser's IANA zone (in a cookie), and re-renders once if the page was
 * drawn in another zone, so "today" and due times are the user's own.
 */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split('; ')
      .find((entry) => entry.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current && decodeURIComponent(current) === zone) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie
    document.cookie = timeZoneCookie(zone);
    router.refresh();
  }, [router]);
  return null;
}
