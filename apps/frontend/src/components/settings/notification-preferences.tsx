'use client';

import type { NotificationSettings, UpdateNotificationSettingsBody } from '@todo/contract';
import { useOptimistic, useTransition } from 'react';
import { useToast } from '@/components/ui/toaster';
import {
  DEFAULT_REMINDER_OPTIONS,
  DIGEST_HOUR_OPTIONS,
  defaultReminderFrom,
  defaultReminderValue,
  digestHourFrom,
  digestHourValue,
} from '@/lib/notifications/settings-options';
import { updateNotificationSettingsAction } from './actions';

/** The person's reminder settings; each change is saved as it is made. */
export function NotificationPreferences({
  settings,
  timeZone,
}: {
  settings: NotificationSettings;
  /** The zone the page was rendered in: the digest hour is read in it. */
  timeZone: string;
}) {
  const [shown, show] = useOptimistic(
    settings,
    (current, change: UpdateNotificationSettingsBody) => ({
      ...current,
      ...change,
    }),
  );
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  const save = (change: UpdateNotificationSettingsBody, done: string) =>
    startTransition(async () => {
      show(change);
      const saved = await updateNotificationSettingsAction(change);
      toast(
        saved.ok
          ? { tone: 'success', message: done }
          : { tone: 'error', message: `Not saved. ${saved.message}` },
      );
    });

  return (
    <div className="settings-group" aria-busy={pending || undefined}>
      {settings.push_available ? (
        <label className="settings-check">
          <input
            type="checkbox"
            checked={shown.push_reminders}
            onChange={(event) =>
              save(
                { push_reminders: event.target.checked },
                event.target.checked ? 'Reminders go to your devices.' : 'No push reminders.',
              )
            }
          />
          Send reminders to my devices
        </label>
      ) : null}
      <label className="settings-check">
        <input
          type="checkbox"
          checked={shown.email_reminders}
          disabled={!settings.email_available}
          aria-describedby={settings.email_available ? undefined : 'email-off-note'}
          onChange={(event) =>
            save(
              { email_reminders: event.target.checked },
              event.target.checked ? `Reminders go to ${settings.email}.` : 'No email reminders.',
            )
          }
        />
        Email reminders to {settings.email}
      </label>
      {settings.email_available ? null : (
        <p id="email-off-note" className="settings-note">
          Email is off on this server.
        </p>
      )}
      <div className="field">
        <label htmlFor="digest-hour" className="field-label">
          Daily digest email ({timeZone})
        </label>
        <select
          id="digest-hour"
          className="input select"
          value={digestHourValue(shown.digest_hour)}
          disabled={!settings.email_available}
          onChange={(event) => {
            const hour = digestHourFrom(event.target.value);
            save(
              { digest_hour: hour, time_zone: timeZone },
              hour === null ? 'No daily digest.' : 'Daily digest saved.',
            );
          }}
        >
          {DIGEST_HOUR_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="default-reminder" className="field-label">
          Default reminder for new tasks with a due time
        </label>
        <select
          id="default-reminder"
          className="input select"
          value={defaultReminderValue(shown.default_reminder)}
          onChange={(event) =>
            save(
              { default_reminder: defaultReminderFrom(event.target.value) },
              'Default reminder saved.',
            )
          }
        >
          {DEFAULT_REMINDER_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
