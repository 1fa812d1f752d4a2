'use client';

import { useId } from 'react';
import { useToast } from '@/components/ui/toaster';
import type { IssuedCalendarFeed } from './actions';

/** The URL of a feed just made: shown this once, since only a hash of it is kept. */
export function CalendarFeedUrl({
  issued,
  onDone,
}: {
  issued: IssuedCalendarFeed;
  onDone: () => void;
}) {
  const id = useId();
  const toast = useToast();
  const name = issued.feed.project_name ?? 'All tasks';
  const copy = () =>
    navigator.clipboard.writeText(issued.url).then(
      () => toast({ tone: 'success', message: 'Feed URL copied.' }),
      () => toast({ tone: 'error', message: 'Copying failed: select the URL and copy it.' }),
    );
  return (
    <div className="calendar-feed-url card" role="status">
      <label htmlFor={id} className="device-label">
        Feed URL for {name}
      </label>
      <input id={id} type="text" readOnly value={issued.url} onFocus={(e) => e.target.select()} />
      <p className="settings-note">
        Copy it now: it is shown only this once. Paste it where your calendar app subscribes to a
        calendar by URL.
      </p>
      <div className="device-actions">
        <button type="button" className="button button-primary button-small" onClick={copy}>
          Copy
        </button>
        <a
          className="button button-ghost button-small"
          href={issued.url.replace(/^https?:/, 'webcal:')}
        >
          Open in calendar app
        </a>
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
