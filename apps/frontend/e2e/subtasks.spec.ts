import { addTask, expect, settled, signUp, taskRow, test } from './support/fixtures';
import { rowAction } from './support/row-actions';

test('subtasks: add them, see progress, complete the parent (it asks), delete it and undo', async ({
  page,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Plan the trip' });
  const parent = taskRow(page, 'Plan the trip');
  await rowAction(parent, 'Plan the trip', 'Add subtask');
  const form = page.getByRole('form', { name: 'New subtask of “Plan the trip”' });
  const line = form.getByLabel('Subtask');
  await expect(line).toBeFocused();
  for (const title of ['Book flights', 'Book the hotel', 'Pack']) {
    await line.fill(title);
    await line.press('Enter');
    await expect(page.getByRole('status').getByText(`Added subtask “${title}”`)).toBeVisible();
    await expect(line).toHaveValue('');
  }
  await form.getByRole('button', { name: 'Done adding' }).click();
  const progress = (done: number) =>
    parent.getByRole('button', { name: `Subtasks of “Plan the trip”: ${done} of 3 done` });
  await expect(progress(0)).toHaveText('0/3');
  const subtasks = page.getByRole('list', { name: 'Subtasks of “Plan the trip”' });
  await expect(subtasks.getByRole('listitem')).toHaveCount(3);

  await subtasks.getByRole('checkbox', { name: 'Mark “Book flights” as done' }).check();
  await expect(progress(1)).toHaveText('1/3');
  await settled(page);

  // Loaded with the page: the progress and, expanded, the subtasks under their parent.
  await page.reload();
  await expect(progress(1)).toHaveAttribute('aria-expanded', 'false');
  await expect(taskRow(page, 'Pack')).toHaveCount(0);
  await progress(1).click();
  await expect(subtasks.getByRole('listitem')).toHaveCount(3);

  // Completing the parent asks; Cancel changes nothing, "Complete all" completes the rest.
  const parentCheck = parent.getByRole('checkbox', { name: 'Mark “Plan the trip” as done' });
  await parentCheck.click();
  const ask = page.getByRole('dialog', { name: 'Complete 2 open subtasks too?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(parentCheck).not.toBeChecked();
  await parentCheck.click();
  await ask.getByRole('button', { name: 'Complete all' }).click();
  await expect(parentCheck).toBeChecked();
  await expect(progress(3)).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(progress(3)).toBeVisible();

  // Deleting the parent names its subtasks; Undo brings all of them back, linked to it.
  await rowAction(parent, 'Plan the trip', 'Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete “Plan the trip” and its 3 subtasks?' });
  await confirm.getByRole('button', { name: 'Delete all' }).click();
  await expect(parent).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').getByText('Restored “Plan the trip”')).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(progress(3)).toBeVisible();
  await progress(3).click();
  await expect(subtasks.getByRole('listitem')).toHaveText([
    /Book flights/,
    /Book the hotel/,
    /Pack/,
  ]);
});

test('completing only the parent leaves its subtasks open', async ({ page }) => {
  await signUp(page);
  await addTask(page, { title: 'Paint the shed' });
  const parent = taskRow(page, 'Paint the shed');
  await rowAction(parent, 'Paint the shed', 'Add subtask');
  const line = page
    .getByRole('form', { name: 'New subtask of “Paint the shed”' })
    .getByLabel('Subtask');
  await line.fill('Buy paint');
  await line.press('Enter');
  await expect(page.getByRole('status').getByText('Added subtask “Buy paint”')).toBeVisible();
  await line.press('Escape');
  await parent.getByRole('checkbox', { name: 'Mark “Paint the shed” as done' }).click();
  await page
    .getByRole('dialog', { name: 'Complete 1 open subtask too?' })
    .getByRole('button', { name: 'Only this task' })
    .click();
  await settled(page);
  await page.reload();
  await expect(
    parent.getByRole('button', { name: 'Subtasks of “Paint the shed”: 0 of 1 done' }),
  ).toBeVisible();
  await expect(
    parent.getByRole('checkbox', { name: 'Mark “Paint the shed” as done' }),
  ).toBeChecked();

  // Undo of a deleted subtask brings it back under its parent, not at the top level.
  await parent.getByRole('button', { name: 'Subtasks of “Paint the shed”: 0 of 1 done' }).click();
  const subtasks = page.getByRole('list', { name: 'Subtasks of “Paint the shed”' });
  await rowAction(subtasks, 'Buy paint', 'Delete');
  await expect(subtasks.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').getByText('Restored “Buy paint”')).toBeVisible();
  await settled(page);
  await page.reload();
  await parent.getByRole('button', { name: 'Subtasks of “Paint the shed”: 0 of 1 done' }).click();
  await expect(subtasks.getByRole('listitem')).toHaveText([/Buy paint/]);
});
