import { addTask, expect, localDateTime, signUp, test } from './support/fixtures';

declare global {
  interface Window {
    shownNotifications: { title: string; body: string }[];
    permissionRequests: number;
  }
}

test('reminders ask for permission only on a click, then notify before a task is due', async ({
  page,
}) => {
  // A stand-in for the Notification API, recording what the app does with it.
  await page.addInitScript(() => {
    window.shownNotifications = [];
    window.permissionRequests = 0;
    let permission: NotificationPermission = 'default';
    class FakeNotification {
      static get permission() {
        return permission;
      }
      static async requestPermission() {
        window.permissionRequests += 1;
        permission = 'granted';
        return permission;
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        window.shownNotifications.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
  });
  await page.clock.install();
  await signUp(page);
  const due = await localDateTime(page, 0, '00:00');
  // Due 20 minutes from the page's clock (set to 23:40 the day before, in the browser's zone).
  const dueMs = await page.evaluate((value) => new Date(value).getTime(), due);
  await page.clock.setSystemTime(new Date(dueMs - 20 * 60_000));
  await page.reload();
  await addTask(page, { title: 'Leave for the station', due });

  expect(await page.evaluate(() => window.permissionRequests)).toBe(0);
  await page.getByRole('button', { name: 'Enable reminders' }).click();
  await expect(page.getByRole('button', { name: 'Reminders on' })).toBeVisible();
  expect(await page.evaluate(() => window.permissionRequests)).toBe(1);

  await page.clock.fastForward('06:00');
  await expect
    .poll(() => page.evaluate(() => window.shownNotifications))
    .toEqual([{ title: 'Due in 15 minutes', body: 'Leave for the station' }]);
  await page.clock.fastForward('15:00');
  await expect
    .poll(() => page.evaluate(() => window.shownNotifications.map((shown) => shown.title)))
    .toEqual(['Due in 15 minutes', 'Due now']);
});
