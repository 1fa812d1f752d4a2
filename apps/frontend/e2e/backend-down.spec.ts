import { backend, control } from './support/backend-control';
import { addTask, expect, moreOptions, settled, signUp, taskRow, test } from './support/fixtures';

test.describe('when the backend stops mid-session', () => {
  test.skip(!control, 'needs the stack started by the global setup');
  test.afterEach(async () => backend('start').catch(() => backend('start')));

  test('the page says so, rolls back, and keeps what was typed', async ({ page }) => {
    await signUp(page);
    await addTask(page, { title: 'Existing task' });
    const form = page.getByRole('form', { name: 'New task' });
    await form.getByLabel('Title').fill('An idea worth keeping');
    await moreOptions(page);
    await form.getByLabel('Description').fill('Typed while the service was down');

    await backend('stop');
    await form.getByRole('button', { name: 'Add task' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The task service is unavailable' }),
    ).toBeVisible();
    await expect(form.getByRole('alert')).toContainText('What you typed is kept');
    await expect(form.getByLabel('Title')).toHaveValue('An idea worth keeping');
    await expect(form.getByLabel('Description')).toHaveValue('Typed while the service was down');
    await expect(taskRow(page, 'An idea worth keeping')).toHaveCount(0);

    // An optimistic change is rolled back with a message.
    const checkbox = page.getByRole('checkbox', { name: 'Mark “Existing task” as done' });
    // The rollback can be quicker than a check() can observe, so click and look at the outcome.
    await checkbox.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not update' })).toBeVisible();
    await expect(checkbox).not.toBeChecked();

    await backend('start');
    await form.getByRole('button', { name: 'Add task' }).click();
    await expect(taskRow(page, 'An idea worth keeping')).toBeVisible();
    await settled(page);
    await expect(page.getByText('The task service is unavailable')).toHaveCount(0);
  });

  test('a page loaded while it is down shows the error state, not a crash', async ({ page }) => {
    await signUp(page);
    await addTask(page, { title: 'Safe and sound' });
    await backend('stop');
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page.getByText('Your tasks could not be loaded')).toBeVisible();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The task service is unavailable' }),
    ).toBeVisible();
    await expect(page.getByText(/at .*\.js:\d+/)).toHaveCount(0);

    await backend('start');
    await page.reload();
    await expect(taskRow(page, 'Safe and sound')).toBeVisible();
  });
});
