import type { Metadata } from 'next';
import { AccessTokens } from '@/components/settings/access-tokens';
import { CalendarFeeds } from '@/components/settings/calendar-feeds';
import { ConnectedApps } from '@/components/settings/connected-apps';
import { ImportExport } from '@/components/settings/import-export';
import { NotificationPreferences } from '@/components/settings/notification-preferences';
import { PushSettings } from '@/components/settings/push-settings';
import { WebhooksSettings } from '@/components/settings/webhooks-settings';
import { Banner } from '@/components/ui/banner';
import { listConnectedApps } from '@/lib/auth/connected-apps';
import { requireSession } from '@/lib/auth/require-session';
import { backendFor } from '@/lib/backend/client';
import { loadProjects } from '@/lib/backend/per-request';
import { getDatabase } from '@/lib/db/database';
import { userTimeZone } from '@/lib/time-zone/server';
import { listPersonalTokens } from '@/lib/tokens/token-service';
import './settings.css';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const session = await requireSession('/settings');
  const backend = backendFor(session.user.id);
  const [settings, devices, timeZone, tokens, connectedApps, calendarFeeds, projects, webhooks] =
    await Promise.all([
      backend.getNotificationSettings(),
      backend.listPushDevices(),
      userTimeZone(),
      listPersonalTokens(getDatabase(), session.user.id),
      listConnectedApps(session.user.id),
      backend.listCalendarFeeds(),
      loadProjects(session.user.id),
      backend.listWebhooks(),
    ]);
  return (
    <div className="settings">
      <h1 className="settings-heading">Settings</h1>
      <section aria-labelledby="notifications-heading" className="settings-section">
        <h2 id="notifications-heading">Notifications</h2>
        {!settings.ok ? (
          <Banner title="Notification settings could not be loaded">{settings.message}</Banner>
        ) : (
          <>
            {settings.data.push_available && settings.data.vapid_public_key ? (
              <PushSettings
                vapidPublicKey={settings.data.vapid_public_key}
                devices={devices.ok ? devices.data.items : []}
                timeZone={timeZone}
              />
            ) : (
              <p className="settings-note">Push notifications are off on this server.</p>
            )}
            <NotificationPreferences settings={settings.data} timeZone={timeZone} />
          </>
        )}
      </section>
      <AccessTokens tokens={tokens} timeZone={timeZone} />
      <section aria-labelledby="connected-apps-heading" className="settings-section">
        <h2 id="connected-apps-heading">Connected apps</h2>
        <ConnectedApps
          apps={connectedApps.map((app) => ({
            ...app,
            grantedAt: app.grantedAt?.toISOString() ?? null,
          }))}
          timeZone={timeZone}
        />
      </section>
      <section aria-labelledby="calendar-feeds-heading" className="settings-section">
        <h2 id="calendar-feeds-heading">Calendar feeds</h2>
        {calendarFeeds.ok ? (
          <CalendarFeeds
            feeds={calendarFeeds.data.items}
            projects={projects.active.ok ? projects.active.data.items : []}
            timeZone={timeZone}
          />
        ) : (
          <Banner title="Calendar feeds could not be loaded">{calendarFeeds.message}</Banner>
        )}
      </section>
      <section aria-labelledby="webhooks-heading" className="settings-section">
        <h2 id="webhooks-heading">Webhooks</h2>
        {webhooks.ok ? (
          <WebhooksSettings webhooks={webhooks.data.items} timeZone={timeZone} />
        ) : (
          <Banner title="Webhooks could not be loaded">{webhooks.message}</Banner>
        )}
      </section>
      <ImportExport timeZone={timeZone} />
    </div>
  );
}
