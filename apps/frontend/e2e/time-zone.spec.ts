import type { BrowserContext, Page } from '@playwright/test';
import { addTask, expect, settled, signUp, taskRow, test } from './support/fixtures';
import { rowAction } from './support/row-actions';

const tzCookie = async (context: BrowserContext) =>
  decodeURIComponent((await context.cookies()).find((cookie) => cookie.name === 'tz')?.value ?? '');

/** As another tab, or a trip, would: the cookie now names London; this page was drawn in Berlin. */
async function cookieSaysLondon(page: Page, context: BrowserContext) {
  await context.addCookies([
    { name: 'tz', value: encodeURIComponent('Europe/London'), url: new URL(page.url()).origin },
  ]);
  expect(await tzCookie(context)).toBe('Europe/London');
}

test('a due time is read in the zone the form was rendered in, not the zone of the cookie at save time', async ({
  page,
  context,
}) => {
  // The browser is in Berlin (playwright.config.ts); after a reload the page is drawn in Berlin.
  await signUp(page);
  await expect.poll(() => tzCookie(context)).toBe('Europe/Berlin');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'New task' })).toBeVisible();

  await cookieSaysLondon(page, context);
  await addTask(page, { title: 'Dentist', due: '2030-01-15T09:00' });
  await settled(page);

  await page.reload();
  await expect.poll(() => tzCookie(context)).toBe('Europe/Berlin');
  // 09:00 in Berlin; read in London it would have been 10:00 here.
  await expect(taskRow(page, 'Dentist')).toContainText('15 Jan 2030 09:00');

  // The editor: opened in Berlin, the cookie changes, the new time is still Berlin time.
  await page.reload();
  await expect.poll(() => tzCookie(context)).toBe('Europe/Berlin');
  await expect(taskRow(page, 'Dentist')).toContainText('15 Jan 2030 09:00');
  await rowAction(page, 'Dentist', 'Edit');
  const editor = page.getByRole('form', { name: 'Edit task' });
  await expect(editor.getByLabel('Due')).toHaveValue('2030-01-15T09:00');
  await cookieSaysLondon(page, context);
  await editor.getByLabel('Due').fill('2030-01-15T11:30');
  await editor.getByRole('button', { name: 'Save' }).click();
  await settled(page);

  await page.reload();
  await expect.poll(() => tzCookie(context)).toBe('Europe/Berlin');
  await expect(taskRow(page, 'Dentist')).toContainText('15 Jan 2030 11:30');
});
