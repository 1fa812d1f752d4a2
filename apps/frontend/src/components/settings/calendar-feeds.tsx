'use client';

import type { CalendarFeed } from '@todo/contract';
import { useState, useTransition } from 'react';
import { useToast } from '@/components/ui/toaster';
import { describeDue } from '@/lib/tasks/format-due';
import {
  deleteCalendarFeedAction,
  type IssuedCalendarFeed,
  issueCalendarFeedAction,
} from './actions';
import { CalendarFeedConfirm, type ConfirmRequest } from './calendar-feeds-confirm';
import { CalendarFeedUrl } from './calendar-feeds-url';
import { SettingsRow } from './settings-row';

const ALL = 'all';
const feedName = (feed: CalendarFeed) => feed.project_name ?? 'All tasks';

/**
 * The person's secret calendar URLs: make one for every task or for a project, see it once
 * (Copy, or open it in a calendar app with webcal://), give it a new URL, or delete it.
 */
export function CalendarFeeds({
  feeds,
  projects,
  timeZone,
}: {
  feeds: CalendarFeed[];
  projects: { id: number; name: string }[];
  timeZone: string;
}) {
  const [pending, startTransition] = useTransition();
  const [issued, setIssued] = useState<IssuedCalendarFeed | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const toast = useToast();
  const now = new Date();
  const taken = new Set(feeds.map((feed) => feed.project_id ?? ALL));
  const choices = [
    { value: ALL, label: 'All tasks' },
    ...projects.map((project) => ({ value: String(project.id), label: project.name })),
  ].filter((choice) => !taken.has(choice.value === ALL ? ALL : Number(choice.value)));

  const issue = (projectId: number | null, verb: string) =>
    startTransition(async () => {
      const result = await issueCalendarFeedAction(projectId);
      if (!result.ok) {
        toast({ tone: 'error', message: `The feed could not be ${verb}. ${result.message}` });
        return;
      }
      setIssued(result.data);
    });

  const remove = (feed: CalendarFeed) =>
    startTransition(async () => {
      const result = await deleteCalendarFeedAction(feed.id);
      if (!result.ok) {
        toast({ tone: 'error', message: `The feed could not be deleted. ${result.message}` });
        return;
      }
      if (issued?.feed.id === feed.id) setIssued(null);
      toast({ tone: 'success', message: `Deleted the feed of ${feedName(feed)}.` });
    });

  return (
    <div className="settings-group" aria-busy={pending || undefined}>
      <p className="settings-note">
        Subscribe to your tasks with a due time in Google Calendar, Apple Calendar or Outlook.
        Anyone with a feed’s URL can read its tasks: keep it private, and give it a new URL if it
        leaks.
      </p>
      {issued ? <CalendarFeedUrl issued={issued} onDone={() => setIssued(null)} /> : null}
      {feeds.length === 0 ? (
        <p className="settings-note">No calendar feed yet.</p>
      ) : (
        <ul className="device-list" aria-label="Calendar feeds">
          {feeds.map((feed) => (
            <SettingsRow
              key={feed.id}
              label={feedName(feed)}
              note={`URL made ${describeDue(feed.created_at, now, timeZone).text}`}
              actions={[
                {
                  label: 'New URL',
                  name: `New URL for ${feedName(feed)}`,
                  disabled: pending,
                  onClick: () => setConfirm({ kind: 'regenerate', name: feedName(feed), feed }),
                },
                {
                  label: 'Delete',
                  name: `Delete the feed of ${feedName(feed)}`,
                  disabled: pending,
                  onClick: () => setConfirm({ kind: 'delete', name: feedName(feed), feed }),
                },
              ]}
            />
          ))}
        </ul>
      )}
      {choices.length > 0 ? (
        <form
          className="calendar-feed-form"
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get('calendar-feed-of');
            issue(value === ALL || value === null ? null : Number(value), 'made');
          }}
        >
          <label className="calendar-feed-choice">
            Feed of
            <select name="calendar-feed-of" defaultValue={choices[0]?.value}>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-primary button-small" disabled={pending}>
            Make feed
          </button>
        </form>
      ) : null}
      {confirm ? (
        <CalendarFeedConfirm
          request={confirm}
          onClose={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            if (confirm.kind === 'delete') remove(confirm.feed);
            else issue(confirm.feed.project_id, 'given a new URL');
          }}
        />
      ) : null}
    </div>
  );
}
