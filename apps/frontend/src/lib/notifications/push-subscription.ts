import type { PushSubscriptionBody } from '@todo/contract';
import { readyServiceWorker } from '@/lib/pwa/service-worker';
import { deviceLabel } from './device-label';

/** Where this browser keeps the id the backend gave its subscription, to remove it later. */
export const PUSH_DEVICE_KEY = 'todo.push-device-id';

export const pushSupported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** base64url (the VAPID public key as the backend gives it) to the bytes subscribe() takes. */
export function base64UrlBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Asks for permission (this runs on a click only), registers the service worker and subscribes
 * with the server's key. Returns the body to store, or why not.
 */
export async function subscribeThisBrowser(
  vapidPublicKey: string,
): Promise<{ ok: true; body: PushSubscriptionBody } | { ok: false; message: string }> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    return { ok: false, message: 'Notifications are blocked; allow them for this site first.' };
  }
  const registration = await readyServiceWorker();
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64UrlBytes(vapidPublicKey),
  });
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth) {
    return { ok: false, message: 'This browser gave an incomplete subscription.' };
  }
  return {
    ok: true,
    body: {
      endpoint,
      keys: { p256dh: keys.p256dh, auth: keys.auth },
      label: deviceLabel(navigator.userAgent),
    },
  };
}

/** This browser's subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}
