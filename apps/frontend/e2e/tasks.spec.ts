import { addTask, expect, localDateTime, settled, signUp, taskRow, test } from './support/fixtures';
import { rowAction } from './support/row-actions';

test('create a task with priority, tags and a due date; edit it; Escape cancels', async ({
  page,
}) => {
  await signUp(page);
  const due = await localDateTime(page, 1, '09:30');
  await addTask(page, {
    title: 'Pay the electricity bill',
    description: 'Account 4411',
    priority: 'High',
    tags: ['home', 'Money'],
    due,
  });
  const row = taskRow(page, 'Pay the electricity bill');
  await expect(row.getByText('High')).toBeVisible();
  await expect(row.getByText('Account 4411')).toBeVisible();
  await expect(row.getByRole('link', { name: 'Show tasks tagged home' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Show tasks tagged money' })).toBeVisible();
  await expect(row.getByText('Tomorrow 09:30')).toBeVisible();

  await rowAction(row, 'Pay the electricity bill', 'Edit');
  const editor = page.getByRole('form', { name: 'Edit task' });
  await expect(editor.getByLabel('Title')).toBeFocused();
  await editor.getByLabel('Title').fill('Changed my mind');
  await editor.getByLabel('Title').press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(taskRow(page, 'Pay the electricity bill')).toBeVisible();

  await rowAction(row, 'Pay the electricity bill', 'Edit');
  await editor.getByLabel('Title').fill('Pay the gas bill');
  await editor.getByLabel('Priority').selectOption({ label: 'Low' });
  await editor.getByRole('button', { name: 'Remove tag money' }).click();
  await editor.getByLabel('Title').press('Enter');
  const edited = taskRow(page, 'Pay the gas bill');
  await expect(edited.getByText('Low')).toBeVisible();
  await expect(edited.getByRole('link', { name: 'Show tasks tagged money' })).toHaveCount(0);
  await settled(page);
  await page.reload();
  await expect(taskRow(page, 'Pay the gas bill').getByText('Low')).toBeVisible();
  await expect(taskRow(page, 'Pay the gas bill').getByText('Tomorrow 09:30')).toBeVisible();
});

test('complete and un-complete a task', async ({ page }) => {
  await signUp(page);
  await addTask(page, { title: 'Water the plants' });
  const checkbox = page.getByRole('checkbox', { name: 'Mark “Water the plants” as done' });
  await checkbox.check();
  await expect(checkbox).toBeChecked();
  await settled(page);
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(checkbox).toBeChecked();
  await page.reload();
  await expect(checkbox).toBeChecked();

  await checkbox.uncheck();
  await expect(page.getByText('No tasks match')).toBeVisible();
  await page.getByRole('link', { name: 'To do' }).click();
  await expect(
    page.getByRole('checkbox', { name: 'Mark “Water the plants” as done' }),
  ).not.toBeChecked();
});

test('completing a repeating task brings up its next occurrence', async ({ page }) => {
  await signUp(page);
  const due = await localDateTime(page, 0, '23:58');
  await addTask(page, { title: 'Take vitamins', repeat: 'Every day', due });
  await expect(taskRow(page, 'Take vitamins').getByText('Every day')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Mark “Take vitamins” as done' }).check();
  await expect(
    page.getByRole('status').getByText(/The next “Take vitamins” is due Tomorrow 23:58/),
  ).toBeVisible();
  const rows = taskRow(page, 'Take vitamins');
  await expect(rows).toHaveCount(2);
  await page.getByRole('link', { name: 'To do' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.getByText('Tomorrow 23:58')).toBeVisible();
  await expect(rows.getByText('Every day')).toBeVisible();
});

test('delete with undo, then delete for good', async ({ page }) => {
  await signUp(page);
  await addTask(page, { title: 'Cancel the gym', tags: ['admin'], priority: 'Low' });
  const row = taskRow(page, 'Cancel the gym');
  await rowAction(row, 'Cancel the gym', 'Delete');
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').getByText('Restored “Cancel the gym”')).toBeVisible();
  await expect(row.getByText('Low')).toBeVisible();
  await expect(row.getByRole('link', { name: 'Show tasks tagged admin' })).toBeVisible();

  await rowAction(row, 'Cancel the gym', 'Delete');
  await expect(page.getByRole('status').getByText('Deleted “Cancel the gym”')).toBeVisible();
  await page.reload();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('Nothing on your list yet')).toBeVisible();
});

test('a row’s actions menu by keyboard; focus returns to it, or after a delete to the next row', async ({
  page,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Water the plants' });
  await addTask(page, { title: 'Sort the post' });
  const actions = (title: string) =>
    page.getByRole('button', { name: `Actions for “${title}”`, exact: true });
  const menu = page.getByRole('menu', { name: 'Actions for “Sort the post”' });

  // ArrowDown opens on the first item, arrows wrap, Escape closes onto the button.
  await settled(page);
  await actions('Sort the post').focus();
  await expect(actions('Sort the post')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(actions('Sort the post')).toBeFocused();
  await expect(actions('Sort the post')).toHaveAttribute('aria-expanded', 'false');

  // Enter opens on Edit; closing the editor gives focus back to the row's button.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('form', { name: 'Edit task' });
  await expect(editor.getByLabel('Title')).toBeFocused();
  await editor.getByLabel('Title').press('Escape');
  await expect(actions('Sort the post')).toBeFocused();

  // Delete from the menu: the row goes, focus moves to the next row's actions.
  await page.keyboard.press('Space');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(taskRow(page, 'Sort the post')).toHaveCount(0);
  await expect(actions('Water the plants')).toBeFocused();
});

test('keyboard: n focuses the new task, / focuses search, Enter adds', async ({ page }) => {
  await signUp(page);
  await page.locator('body').click();
  await page.keyboard.press('n');
  await expect(page.getByRole('form', { name: 'New task' }).getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Enter');
  await expect(taskRow(page, 'Typed without a mouse')).toBeVisible();
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search tasks' })).toBeFocused();
});

test('undoing the deletion of the next occurrence, then completing the task again, leaves one occurrence', async ({
  page,
}) => {
  await signUp(page);
  const due = await localDateTime(page, 1, '09:00');
  await addTask(page, { title: 'Water the ferns', repeat: 'Every day', due });
  const rows = taskRow(page, 'Water the ferns');
  const first = rows.filter({ hasText: 'Tomorrow 09:00' });
  const next = rows.filter({ hasNotText: 'Tomorrow 09:00' });

  await first.getByRole('checkbox').check();
  await expect(
    page.getByRole('status').getByText(/The next “Water the ferns” is due/),
  ).toBeVisible();
  await expect(rows).toHaveCount(2);
  await rowAction(next, 'Water the ferns', 'Delete');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').getByText('Restored “Water the ferns”')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await settled(page);

  await first.getByRole('checkbox').uncheck();
  await settled(page);
  await first.getByRole('checkbox').check();
  await settled(page);

  await page.reload();
  await page.getByRole('link', { name: 'To do' }).click();
  await expect(page).toHaveURL(/status=pending/);
  await expect(rows).toHaveCount(1);
  await expect(next).toHaveCount(1);
});
