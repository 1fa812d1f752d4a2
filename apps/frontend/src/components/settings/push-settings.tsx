'use client';

import type { PushDevice } from '@todo/contract';
import { useEffect, useState, useTransition } from 'react';
import { useToast } from '@/components/ui/toaster';
import {
  currentSubscription,
  PUSH_DEVICE_KEY,
  pushSupported,
  subscribeThisBrowser,
} from '@/lib/notifications/push-subscription';
import { describeDue } from '@/lib/tasks/format-due';
import { addPushDeviceAction, removePushDeviceAction, testPushDeviceAction } from './actions';
import { SettingsRow } from './settings-row';

type DeviceState = 'unknown' | 'unsupported' | 'off' | 'on';

/** Push on this device (subscribe through a server action) and the person's devices. */
export function PushSettings({
  vapidPublicKey,
  devices,
  timeZone,
}: {
  vapidPublicKey: string;
  devices: PushDevice[];
  timeZone: string;
}) {
  const [state, setState] = useState<DeviceState>('unknown');
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  // Read after hydration: the server cannot know which device this is.
  const [thisDevice, setThisDevice] = useState(0);
  const now = new Date();

  useEffect(() => {
    setThisDevice(Number(localStorage.getItem(PUSH_DEVICE_KEY) ?? 0));
    if (!pushSupported()) {
      setState('unsupported');
      return;
    }
    void currentSubscription()
      .then((subscription) => setState(subscription ? 'on' : 'off'))
      .catch(() => setState('off'));
  }, []);

  const turnOn = () =>
    startTransition(async () => {
      const subscribed = await subscribeThisBrowser(vapidPublicKey).catch(() => ({
        ok: false as const,
        message: 'This browser could not subscribe to push messages.',
      }));
      if (!subscribed.ok) {
        toast({ tone: 'error', message: subscribed.message });
        return;
      }
      const stored = await addPushDeviceAction(subscribed.body);
      if (!stored.ok) {
        toast({ tone: 'error', message: `Push could not be turned on. ${stored.message}` });
        return;
      }
      localStorage.setItem(PUSH_DEVICE_KEY, String(stored.data.id));
      setThisDevice(stored.data.id);
      setState('on');
      toast({ tone: 'success', message: 'Push is on for this device.' });
    });

  const remove = (device: PushDevice) =>
    startTransition(async () => {
      const removed = await removePushDeviceAction(device.id);
      if (!removed.ok) {
        toast({ tone: 'error', message: `Could not remove “${device.label}”. ${removed.message}` });
        return;
      }
      if (device.id === thisDevice) {
        localStorage.removeItem(PUSH_DEVICE_KEY);
        setThisDevice(0);
        await (await currentSubscription())?.unsubscribe();
        setState('off');
      }
      toast({ tone: 'success', message: `Removed “${device.label}”.` });
    });

  const test = (device: PushDevice) =>
    startTransition(async () => {
      const sent = await testPushDeviceAction(device.id);
      toast(
        sent.ok
          ? { tone: 'success', message: `Test sent to “${device.label}”.` }
          : { tone: 'error', message: `The test was not sent. ${sent.message}` },
      );
    });

  return (
    <div className="settings-group" aria-busy={pending || undefined}>
      <h3 className="settings-subheading">Push on this device</h3>
      {state === 'unsupported' ? (
        <p className="settings-note">This browser cannot receive push notifications.</p>
      ) : state === 'on' ? (
        <p className="settings-note">Push is on for this device.</p>
      ) : (
        <button
          type="button"
          className="button button-primary button-small"
          disabled={pending || state === 'unknown'}
          onClick={turnOn}
        >
          Turn on push on this device
        </button>
      )}
      <h3 className="settings-subheading">Devices</h3>
      {devices.length === 0 ? (
        <p className="settings-note">No device gets push notifications yet.</p>
      ) : (
        <ul className="device-list" aria-label="Devices">
          {devices.map((device) => (
            <SettingsRow
              key={device.id}
              label={`${device.label}${device.id === thisDevice ? ' (this device)' : ''}`}
              note={
                <>
                  Added {describeDue(device.created_at, now, timeZone).text} · Last delivery:{' '}
                  {device.last_success_at
                    ? describeDue(device.last_success_at, now, timeZone).text
                    : 'none yet'}
                </>
              }
              actions={[
                {
                  label: 'Test',
                  name: `Send a test to ${device.label}`,
                  disabled: pending,
                  onClick: () => test(device),
                },
                {
                  label: 'Remove',
                  name: `Remove ${device.label}`,
                  disabled: pending,
                  onClick: () => remove(device),
                },
              ]}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
