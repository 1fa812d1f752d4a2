import { addTask, expect, localDateTime, settled, signUp, taskRow, test } from './support/fixtures';
import { rowAction } from './support/row-actions';

test('reminders are added and removed in the editor; the saved fire times show; the row has a bell', async ({
  page,
}) => {
  await signUp(page);
  const due = await localDateTime(page, 2, '18:00');
  const title = 'Water the plants';
  await addTask(page, { title, due });
  const row = taskRow(page, title);

  await rowAction(row, title, 'Edit');
  const editor = page.getByRole('form', { name: 'Edit task' });
  const reminders = editor.getByRole('group', { name: 'Reminders' });
  await reminders.getByLabel('New reminder').selectOption({ label: 'Before…' });
  await reminders.getByLabel('How long before').selectOption({ label: '30 min before' });
  await reminders.getByRole('button', { name: 'Add reminder' }).click();
  await reminders.getByLabel('New reminder').selectOption({ label: 'At the due time' });
  await reminders.getByRole('button', { name: 'Add reminder' }).click();
  const at = await localDateTime(page, 1, '08:15');
  await reminders.getByLabel('New reminder').selectOption({ label: 'At a date and time' });
  await reminders.getByLabel('Remind at').fill(at);
  await reminders.getByRole('button', { name: 'Add reminder' }).click();
  // The same reminder twice is refused with a reason, not added.
  await reminders.getByRole('button', { name: 'Add reminder' }).click();
  await expect(reminders.getByText('The task has that reminder already.')).toBeVisible();
  await expect(reminders.getByRole('listitem')).toHaveCount(3);
  await expect(reminders.getByText('Fires Tomorrow 08:15')).toBeVisible();
  await editor.getByRole('button', { name: 'Save' }).click();
  await settled(page);

  // The bell counts the saved reminders and names the next fire time the backend worked out.
  await expect(row.getByText('3 reminders, next Tomorrow 08:15')).toBeAttached();
  await page.reload();
  await expect(row.getByText('3 reminders, next Tomorrow 08:15')).toBeAttached();

  await rowAction(row, title, 'Edit');
  await expect(reminders.getByRole('listitem')).toHaveCount(3);
  await expect(reminders.getByRole('listitem').getByText('30 min before')).toBeVisible();
  await expect(reminders.getByText(/Fires .* 17:30/)).toBeVisible();
  await reminders.getByRole('button', { name: /Remove reminder: At Tomorrow 08:15/ }).click();
  await reminders.getByRole('button', { name: 'Remove reminder: At the due time' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  await settled(page);
  await page.reload();
  await expect(row.getByText(/^1 reminder, next .* 17:30$/)).toBeAttached();
});

test('a reminder without a due time says why it will not fire; quick add reads "!30m"', async ({
  page,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Someday' });
  const row = taskRow(page, 'Someday');
  await rowAction(row, 'Someday', 'Edit');
  const reminders = page.getByRole('form', { name: 'Edit task' }).getByRole('group', {
    name: 'Reminders',
  });
  await reminders.getByLabel('New reminder').selectOption({ label: 'At the due time' });
  await reminders.getByRole('button', { name: 'Add reminder' }).click();
  await expect(reminders.getByText('Will not fire: needs a due time')).toBeVisible();
  await page.keyboard.press('Escape');

  const quickAdd = page
    .getByRole('form', { name: 'New task' })
    .getByLabel('Title', { exact: true });
  await quickAdd.fill('Call the garage tomorrow 10am !30m');
  await expect(page.getByText('Reminder: 30 min before')).toBeVisible();
  await quickAdd.press('Enter');
  await expect(
    taskRow(page, 'Call the garage').getByText(/^1 reminder, next Tomorrow 09:30$/),
  ).toBeAttached();
});
