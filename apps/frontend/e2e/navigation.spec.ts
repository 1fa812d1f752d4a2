import { addTask, expect, signUp, test } from './support/fixtures';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the sidebar is a drawer: the header button opens it, Escape and the backdrop close it', async ({
    page,
  }) => {
    await signUp(page);
    const open = page.getByRole('button', { name: 'Open navigation' });
    const drawer = page.getByRole('dialog', { name: 'Navigation' });
    // Closed, it is out of sight and out of the tab order.
    await expect(page.getByRole('link', { name: 'Upcoming' })).toBeHidden();

    await open.click();
    await expect(drawer).toBeVisible();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await expect(drawer.getByRole('button', { name: 'Close navigation' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(open).toBeFocused();

    await open.click();
    await expect(drawer).toBeVisible();
    // The backdrop is the part of the screen right of the drawer.
    await page.mouse.click(370, 400);
    await expect(drawer).toBeHidden();

    // A link followed closes it, on the page it opened.
    await open.click();
    await drawer.getByRole('link', { name: 'Upcoming' }).click();
    await expect(page).toHaveURL(/\/upcoming$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'Upcoming' })).toBeVisible();
  });
});

test('keyboard: g t, g u, g i go to the views, q focuses the new task, ? lists the shortcuts', async ({
  page,
}) => {
  await signUp(page);
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page).toHaveURL(/\/today$/);
  await page.keyboard.press('g');
  await page.keyboard.press('u');
  await expect(page).toHaveURL(/\/upcoming$/);
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/\/inbox$/);

  const title = page.getByRole('form', { name: 'New task' }).getByLabel('Title');
  // The page drawn by the server is there before its script listens for keys (the quick-add
  // parser makes the bundle larger): press q until the listener answers.
  await expect(async () => {
    await page.keyboard.press('q');
    await expect(title).toBeFocused({ timeout: 500 });
  }).toPass();
  // In a field, the keys type.
  await page.keyboard.type('g t');
  await expect(title).toHaveValue('g t');
  await expect(page).toHaveURL(/\/inbox$/);
  await title.fill('');
  await title.blur();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to Upcoming');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // A task added here lands in the Inbox view it was added from.
  await addTask(page, { title: 'Shortcut task' });
});
