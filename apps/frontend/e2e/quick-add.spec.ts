import { expectNoSeriousViolations } from './support/axe';
import { expect, newTaskForm, settled, signUp, taskRow, test } from './support/fixtures';

test('quick add: what the line says is highlighted and listed, a chip removed stays as words, and an unknown project is created', async ({
  page,
}) => {
  await signUp(page);
  const form = newTaskForm(page);
  const line = form.getByLabel('Title', { exact: true });
  await line.fill('Pay rent tomorrow 9am every month p1 #Home @bills');

  const chips = form.getByRole('list', { name: 'Recognised' });
  await expect(chips).toHaveAttribute('aria-live', 'polite');
  await expect(chips.getByRole('listitem')).toHaveText([
    /Tomorrow 09:00/,
    /Every month/,
    /High priority/,
    /Create project “Home”/,
    /@bills/,
  ]);
  // The layer behind the input marks exactly the characters the parser read.
  await expect(form.locator('.quick-add-mirror mark')).toHaveText([
    'tomorrow 9am',
    'every month',
    'p1',
    '#Home',
    '@bills',
  ]);
  await expectNoSeriousViolations(page, 'quick add with chips');

  await chips.getByRole('button', { name: /^Remove priority/ }).click();
  await expect(line).toBeFocused();
  await expect(chips.getByRole('listitem')).toHaveCount(4);
  await expect(form.locator('.quick-add-mirror mark')).toHaveText([
    'tomorrow 9am',
    'every month',
    '#Home',
    '@bills',
  ]);

  await line.press('Enter');
  await expect(
    page.getByRole('status').getByText('Added “Pay rent p1” to the new project “Home”'),
  ).toBeVisible();
  await expect(line).toHaveValue('');
  await settled(page);
  await page.reload();
  const row = taskRow(page, 'Pay rent p1');
  await expect(row.getByText('Medium')).toBeVisible();
  await expect(row.getByText('Tomorrow 09:00')).toBeVisible();
  await expect(row.getByText('Every month')).toBeVisible();
  await expect(row.getByText('Project: Home')).toBeVisible();
  await expect(row.getByRole('link', { name: 'Show tasks tagged bills' })).toBeVisible();

  // The project exists now: naming it again, in any case, neither offers nor creates another.
  await line.fill('Buy light bulbs #home');
  await expect(form.getByRole('list', { name: 'Recognised' }).getByRole('listitem')).toHaveText([
    /#Home/,
  ]);
  await line.press('Enter');
  await expect(page.getByRole('status').getByText('Added “Buy light bulbs”')).toBeVisible();
  await expect(taskRow(page, 'Buy light bulbs').getByText('Project: Home')).toBeVisible();
});

test('quick add refuses a line that is only a date and a priority, and keeps it', async ({
  page,
}) => {
  await signUp(page);
  const form = newTaskForm(page);
  const line = form.getByLabel('Title', { exact: true });
  await line.fill('tomorrow p1');
  await line.press('Enter');
  await expect(form.getByText(/Add what the task is/)).toBeVisible();
  await expect(line).toHaveAttribute('aria-invalid', 'true');
  await expect(line).toHaveValue('tomorrow p1');
  await expect(line).toBeFocused();
});
