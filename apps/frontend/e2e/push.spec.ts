import type { BrowserContext, Page } from '@playwright/test';
import type { PushPayload } from '@todo/contract';
import { addTask, expect, localDateTime, signUp, taskRow, test } from './support/fixtures';
import {
  deliverPush,
  newPushSubscription,
  pushMessages,
  shownNotifications,
  stubPushManager,
} from './support/push';

/**
 * Turns push on in /settings with the subscribe stub, and returns the subscription and the
 * service worker. Chromium here cannot reach a real push service: PushManager.subscribe
 * answers with a subscription on the local push service (tests/support/push-service.ts), with
 * real keys, so the backend's encrypted push is decrypted there as a browser would.
 */
async function turnOnPush(page: Page, context: BrowserContext) {
  const subscription = await newPushSubscription();
  await stubPushManager(page, subscription);
  await context.grantPermissions(['notifications']);
  await signUp(page);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Turn on push on this device' }).click();
  await expect(page.getByText('Push is on for this device.').first()).toBeVisible();
  const devices = page.getByRole('list', { name: 'Devices' });
  // Named from the user agent (Playwright's desktop Chrome says Windows).
  await expect(devices.getByText(/^Chrome on \w+ \(this device\)$/)).toBeVisible();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { subscription, worker, devices };
}

test('push on this device: the subscription is stored and listed; Test sends a push that arrives decrypted and shows', async ({
  page,
  context,
}) => {
  const { subscription, worker, devices } = await turnOnPush(page, context);
  await devices.getByRole('button', { name: /^Send a test to Chrome on / }).click();
  await expect
    .poll(async () => (await pushMessages<PushPayload>(subscription.endpoint)).length)
    .toBe(1);
  const [testPush] = await pushMessages<PushPayload>(subscription.endpoint);
  expect(testPush?.payload).toMatchObject({ type: 'test', task_id: null });
  // What arrived at the push service goes to the service worker, as the browser's would.
  await deliverPush(page, testPush?.body ?? '');
  await expect
    .poll(async () => (await shownNotifications(worker)).map((shown) => shown.tag))
    .toContain(testPush?.payload.tag);
});

test("a reminder's notification offers Complete first; Snooze adds a reminder, Complete completes the task", async ({
  page,
  context,
}) => {
  const { worker } = await turnOnPush(page, context);
  // A reminder's push for a task, with the contract's PushPayload as the backend sends it (its
  // own delivery is proved in the backend's tests): the notification offers its actions.
  await page.goto('/inbox');
  const title = 'Renew the passport';
  await addTask(page, { title, due: await localDateTime(page, 1, '10:00') });
  const savedId = () =>
    page.evaluate((name) => {
      const checkbox = document.querySelector(`[aria-label="Mark “${name}” as done"]`);
      return Number(checkbox?.closest('[data-task-id]')?.getAttribute('data-task-id'));
    }, title);
  // The placeholder's id is negative until the saved task replaces it.
  await expect.poll(savedId).toBeGreaterThan(0);
  const taskId = await savedId();
  const reminder: PushPayload = {
    type: 'reminder',
    tag: `reminder-e2e-${taskId}`,
    title,
    body: 'Due tomorrow 10:00',
    task_id: taskId,
    due_at: null,
    late: false,
    url: `/tasks/${taskId}`,
  };
  await deliverPush(page, JSON.stringify(reminder));
  await expect
    .poll(async () =>
      (await shownNotifications(worker)).find((shown) => shown.tag === reminder.tag),
    )
    .toMatchObject({
      title,
      actions: ['complete', 'snooze-10m', 'snooze-1h', 'snooze-tomorrow'].slice(0, 2),
      data: { url: `/tasks/${taskId}`, task_id: taskId },
    });

  // The browser's click on "Snooze 1 hour", then on "Complete" (sw.js's own handler).
  const click = (action: string) =>
    worker.evaluate(
      async ([tag, chosen]) => {
        const scope = self as unknown as {
          registration: ServiceWorkerRegistration;
          handleNotificationClick(notification: Notification, action: string): Promise<void>;
        };
        const [shown] = await scope.registration.getNotifications({ tag });
        if (!shown) throw new Error(`no notification tagged ${tag}`);
        await scope.handleNotificationClick(shown, chosen);
      },
      [reminder.tag, action] as const,
    );
  await click('snooze-1h');
  await page.reload();
  await expect(taskRow(page, title).getByText(/^1 reminder, next /)).toBeAttached();

  await deliverPush(page, JSON.stringify(reminder));
  await expect.poll(async () => (await shownNotifications(worker)).length).toBeGreaterThan(0);
  await click('complete');
  await page.reload();
  await expect(taskRow(page, title)).toHaveCount(0);
  await page.goto(`/tasks/${taskId}`);
  await expect(page.getByRole('heading', { name: `Completed: ${title}` })).toBeVisible();
  // The notification is gone once acted on.
  expect((await shownNotifications(worker)).map((shown) => shown.tag)).not.toContain(reminder.tag);
});
