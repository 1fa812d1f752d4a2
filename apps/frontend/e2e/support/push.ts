import type { Page, Worker } from '@playwright/test';
import type { PushSubscriptionJson, ReceivedPush } from '../../../../tests/support/push-service';

/** The local push service of global-setup.ts, through its control server. */
function controlUrl(path: string): string {
  const base = process.env.E2E_CONTROL_URL;
  if (!base) throw new Error('E2E_CONTROL_URL is not set: the push tests need global-setup.ts');
  return `${base}${path}`;
}

/** A new subscription on the local push service, with real keys it can decrypt with. */
export async function newPushSubscription(): Promise<PushSubscriptionJson> {
  const response = await fetch(controlUrl('/push/subscription'), { method: 'POST' });
  return (await response.json()) as PushSubscriptionJson;
}

export async function pushMessages<T>(
  endpoint: string,
): Promise<(ReceivedPush & { payload: T })[]> {
  const response = await fetch(controlUrl('/push/messages'));
  const all = (await response.json()) as (ReceivedPush & { payload: T })[];
  return all.filter((message) => message.endpoint === endpoint);
}

/**
 * Makes PushManager.subscribe answer with `subscription` (and getSubscription with it after),
 * since Chromium here has no push service of its own to subscribe with. What the app does with
 * the answer (store it through the backend) is real.
 */
export async function stubPushManager(page: Page, subscription: PushSubscriptionJson) {
  await page.addInitScript((json) => {
    let subscribed = false;
    const fake = {
      endpoint: json.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true },
      getKey: () => null,
      toJSON: () => json,
      unsubscribe: async () => {
        subscribed = false;
        return true;
      },
    };
    PushManager.prototype.subscribe = async () => {
      subscribed = true;
      return fake as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () =>
      subscribed ? (fake as unknown as PushSubscription) : null;
  }, subscription);
}

/** Hands a push message to the page's service worker, as a push service would (CDP). */
export async function deliverPush(page: Page, data: string) {
  const cdp = await page.context().newCDPSession(page);
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((each) => !each.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const origin = new URL(page.url()).origin;
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId: await registration,
    data,
  });
  await cdp.detach();
}

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  actions: string[];
  data: { url: string; task_id: number | null };
}

/** The notifications the service worker shows, read in its own context. */
export function shownNotifications(worker: Worker): Promise<ShownNotification[]> {
  return worker.evaluate(async () => {
    const scope = self as unknown as { registration: ServiceWorkerRegistration };
    const notifications = await scope.registration.getNotifications();
    return notifications.map((notification) => ({
      title: notification.title,
      body: notification.body,
      tag: notification.tag,
      actions: (
        (notification as Notification & { actions?: { action: string }[] }).actions ?? []
      ).map((each) => each.action),
      data: notification.data,
    }));
  });
}
