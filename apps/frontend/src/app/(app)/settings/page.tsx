import type { Metadata } from 'next';
import { ImportExport } from '@/components/settings/import-export';
import { NotificationPreferences } from '@/components/settings/notification-preferences';
import { PushSettings } from '@/components/settings/push-settings';
import { Banner } from '@/components/ui/banner';
import { requireSession } from '@/lib/auth/require-session';
import { backendFor } from '@/lib/backend/client';
import { userTimeZone } from '@/lib/time-zone/server';
import './settings.css';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const session = await requireSession('/settings');
  const backend = backendFor(session.user.id);
  const [settings, devices, timeZone] = await Promise.all([
    backend.getNotificationSettings(),
    backend.listPushDevices(),
    userTimeZone(),
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
      {/* Issue 12 adds one <section> per part here, each its own component, in this order:
          access tokens, connected apps (OAuth), calendar feeds, webhooks, import and export. */}
      <ImportExport timeZone={timeZone} />
    </div>
  );
}
