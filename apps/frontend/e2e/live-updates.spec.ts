import type { Browser, Page } from '@playwright/test';
import { backend, control } from './support/backend-control';
import {
  addTask,
  expect,
  newUser,
  signIn,
  signUp,
  type TestUser,
  taskRow,
  test,
} from './support/fixtures';
import { rowAction } from './support/row-actions';

// Live updates in a real browser: what one tab changes appears in another signed-in tab of the
// same user within 2 s, without a reload; another user's open page never hears of it.
const LIVE_MS = 2_000;

/** A page in a context of its own (its own cookies), with its event stream open. */
async function openTasks(browser: Browser, enter: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const streamOpen = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/events' && response.status() === 200,
  );
  await enter(page);
  await streamOpen;
  // Gone after a full reload: the changes below must arrive without one.
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  return page;
}

const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

test('a change in one tab appears in the other within 2 s (create, complete, delete); another user’s page stays as it is', async ({
  browser,
}) => {
  const alice: TestUser = newUser('alice');
  const watching = await openTasks(browser, (page) => signUp(page, alice));
  const editing = await openTasks(browser, (page) => signIn(page, alice));
  const bob = await openTasks(browser, (page) => signUp(page, newUser('bob')));
  // Bob's page asks the server again only if a change for Bob arrives.
  const bobRefreshes: string[] = [];
  // (Prefetches of the sidebar's links are RSC requests too, but not refreshes.)
  bob.on('request', (request) => {
    const headers = request.headers();
    if (headers.rsc === '1' && !headers['next-router-prefetch']) {
      bobRefreshes.push(`${request.method()} ${request.url()}`);
    }
  });

  const title = 'Seen from the other tab';
  await addTask(editing, { title });
  await expect(taskRow(watching, title)).toBeVisible({ timeout: LIVE_MS });

  await editing.getByRole('checkbox', { name: `Mark “${title}” as done` }).check();
  await expect(watching.getByRole('checkbox', { name: `Mark “${title}” as done` })).toBeChecked({
    timeout: LIVE_MS,
  });

  await rowAction(editing, title, 'Delete');
  await expect(editing.getByRole('status').getByText(`Deleted “${title}”`)).toBeVisible();
  await expect(taskRow(watching, title)).toHaveCount(0, { timeout: LIVE_MS });
  expect(await notReloaded(watching)).toBe(true);

  // Bob's page heard nothing: no refresh, none of Alice's tasks, no reload.
  await watching.waitForTimeout(500);
  expect(bobRefreshes).toEqual([]);
  await expect(taskRow(bob, title)).toHaveCount(0);
  expect(await notReloaded(bob)).toBe(true);
});

test.describe('after the backend restarts', () => {
  test.skip(!control, 'needs the stack started by the global setup');
  test.afterEach(async () => backend('start').catch(() => backend('start')));

  test('the page reopens its stream by itself and shows changes again', async ({ browser }) => {
    const alice = newUser('alice');
    const watching = await openTasks(browser, (page) => signUp(page, alice));
    const editing = await openTasks(browser, (page) => signIn(page, alice));
    const reopened = watching.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/events' && response.status() === 200,
      { timeout: 45_000 },
    );
    await backend('stop');
    await backend('start');
    await reopened;

    const title = 'After the restart';
    await addTask(editing, { title });
    await expect(taskRow(watching, title)).toBeVisible({ timeout: LIVE_MS });
    expect(await notReloaded(watching)).toBe(true);
  });
});
