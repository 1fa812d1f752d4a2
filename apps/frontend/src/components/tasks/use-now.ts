'use client';

import { useEffect, useState } from 'react';

/** The current time, starting from the server's so the first render hydrates identically. */
export function useNow(serverNow: string, intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
