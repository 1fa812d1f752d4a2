'use client';

import { useState, useTransition } from 'react';
import { describeScopes } from '@/lib/auth/oauth-scopes';
import { describeDue } from '@/lib/tasks/format-due';
import { revokeConnectedAppAction } from './connected-apps-actions';
import { SettingsRow } from './settings-row';

/** What the settings page hands over of each connected app (lib/auth/connected-apps.ts). */
export interface ConnectedAppView {
  clientId: string;
  name: string;
  redirectHost: string | null;
  scopes: string[];
  grantedAt: string | null;
}

/**
 * Assistants the user allowed through OAuth (claude.ai, ChatGPT…): name, what they may do, when
 * they were allowed; Disconnect revokes every token of the app at once.
 */
export function ConnectedApps({ apps, timeZone }: { apps: ConnectedAppView[]; timeZone: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const now = new Date();

  function disconnect(app: ConnectedAppView) {
    setMessage(null);
    startTransition(async () => {
      const result = await revokeConnectedAppAction(app.clientId);
      if (!result.ok) setMessage(result.message);
    });
  }

  return (
    <>
      <p className="settings-note">
        Assistants you connected with the address of this app&apos;s /mcp. Disconnecting one stops
        its access at once.
      </p>
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      {apps.length === 0 ? (
        <p className="settings-note">No app is connected.</p>
      ) : (
        <ul className="device-list" aria-label="Connected apps">
          {apps.map((app) => (
            <SettingsRow
              key={app.clientId}
              label={`${app.name}${app.redirectHost ? ` (${app.redirectHost})` : ''}`}
              note={
                <>
                  {describeScopes(app.scopes)} · Connected{' '}
                  {app.grantedAt ? describeDue(app.grantedAt, now, timeZone).text : ''}
                </>
              }
              actions={[
                {
                  label: 'Disconnect',
                  name: `Disconnect ${app.name}`,
                  disabled: pending,
                  onClick: () => disconnect(app),
                },
              ]}
            />
          ))}
        </ul>
      )}
    </>
  );
}
