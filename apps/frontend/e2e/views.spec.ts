import type { Page } from '@playwright/test';
import { addTask, expect, localDateTime, signUp, taskRow, test } from './support/fixtures';
import { sidebar } from './support/projects';

/** "Wed 2 Dec" for the day `days` from today in the browser's zone (en-GB, as the app). */
function dayLabel(page: Page, days: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date();
    date.setDate(date.getDate() + offset);
    return new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    }).format(date);
  }, days);
}

/** One day's (or Overdue's, Later's) group of the list, by its heading. */
const group = (page: Page, title: string) =>
  page
    .locator('section.task-group')
    .filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

test.describe('in a zone far from UTC (UTC+14)', () => {
  // Kiritimati's midnight is 10:00 UTC: a server cutting days in UTC would put 23:59 today and
  // 00:01 tomorrow in one day.
  test.use({ timezoneId: 'Pacific/Kiritimati' });

  test('Today holds overdue and today’s tasks; Upcoming groups the week by day, then Later', async ({
    page,
  }) => {
    await signUp(page);
    // A first page drawn with the zone's cookie set.
    await page.reload();
    await addTask(page, { title: 'Yesterday late', due: await localDateTime(page, -1, '23:59') });
    await addTask(page, { title: 'Today first', due: await localDateTime(page, 0, '00:01') });
    await addTask(page, { title: 'Today last', due: await localDateTime(page, 0, '23:59') });
    await addTask(page, { title: 'Tomorrow early', due: await localDateTime(page, 1, '00:01') });
    await addTask(page, { title: 'In three days', due: await localDateTime(page, 3, '12:00') });
    await addTask(page, { title: 'Next month', due: await localDateTime(page, 30, '12:00') });
    await addTask(page, { title: 'No date' });

    await sidebar(page).getByRole('link', { name: 'Today' }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(sidebar(page).getByRole('link', { name: 'Today' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(group(page, 'Overdue').getByRole('listitem')).toHaveCount(1);
    await expect(taskRow(page, 'Yesterday late')).toBeVisible();
    const today = group(page, 'Today');
    await expect(today.locator('.task-title')).toHaveText(['Today first', 'Today last']);
    for (const title of ['Tomorrow early', 'In three days', 'Next month', 'No date']) {
      await expect(taskRow(page, title)).toHaveCount(0);
    }

    await page.goto('/upcoming');
    await expect(
      group(page, `Today · ${await dayLabel(page, 0)}`).locator('.task-title'),
    ).toHaveText(['Today first', 'Today last']);
    await expect(
      group(page, `Tomorrow · ${await dayLabel(page, 1)}`).locator('.task-title'),
    ).toHaveText(['Tomorrow early']);
    await expect(group(page, await dayLabel(page, 3)).locator('.task-title')).toHaveText([
      'In three days',
    ]);
    await expect(group(page, 'Later').locator('.task-title')).toHaveText(['Next month']);
    await expect(taskRow(page, 'Yesterday late')).toHaveCount(0);
    await expect(taskRow(page, 'No date')).toHaveCount(0);

    // Completing a task takes it out of the view.
    await page.getByRole('checkbox', { name: 'Mark “Tomorrow early” as done' }).check();
    await expect(taskRow(page, 'Tomorrow early')).toHaveCount(0);
  });
});

test('each view has its own address and an empty state that teaches quick add', async ({
  page,
}) => {
  await signUp(page);
  for (const [path, title] of [
    ['/inbox', 'Your Inbox is empty'],
    ['/today', 'Nothing due today'],
    ['/upcoming', 'Nothing coming up'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByText(title)).toBeVisible();
    await expect(page.locator('.empty-example')).toContainText('Try:');
  }
  await addTask(page, { title: 'Water plants' });
  await page.goto('/inbox');
  await expect(taskRow(page, 'Water plants')).toBeVisible();
  await expect(sidebar(page).getByRole('link', { name: /^Inbox/ })).toHaveAccessibleName(
    'Inbox, 1 open',
  );
});

test('a visitor to a view is asked to sign in, then brought back to it', async ({ page }) => {
  const user = await signUp(page);
  await page.context().clearCookies();
  await page.goto('/upcoming');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fupcoming$/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/upcoming$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Upcoming' })).toBeVisible();
});
