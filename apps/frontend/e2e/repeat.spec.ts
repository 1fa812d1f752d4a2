import { addTask, expect, settled, signUp, taskRow, test } from './support/fixtures';
import { rowAction } from './support/row-actions';

test('a monthly task due on the 31st comes back on the last day of February, then on the 31st', async ({
  page,
}) => {
  await signUp(page);
  // 2032 is a leap year: the series goes Jan 31 → Feb 29 → Mar 31 (it keeps its anchor).
  await addTask(page, { title: 'Pay rent', due: '2032-01-31T09:00', repeat: 'Every month' });
  const rows = taskRow(page, 'Pay rent');
  const open = rows.filter({ has: page.getByRole('checkbox', { checked: false }) });
  await expect(open).toContainText('31 Jan 2032 09:00');
  await expect(open).toContainText('Every month');

  await open.getByRole('checkbox').check();
  await expect(
    page.getByRole('status').getByText(/^Done\. The next “Pay rent” is due .*29 Feb 2032 09:00\.$/),
  ).toBeVisible();
  await settled(page);
  await expect(open).toContainText('29 Feb 2032 09:00');

  await open.getByRole('checkbox').check();
  await expect(
    page.getByRole('status').getByText(/^Done\. The next “Pay rent” is due .*31 Mar 2032 09:00\.$/),
  ).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(open).toHaveCount(1);
  await expect(open).toContainText('31 Mar 2032 09:00');
});

test('the repeat editor: a rule built in the editor is saved, shown, and opens again as it was', async ({
  page,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Team sync', due: '2031-03-03T10:00' });
  const row = taskRow(page, 'Team sync');
  await rowAction(row, 'Team sync', 'Edit');
  const editor = page.getByRole('form', { name: 'Edit task' });
  await editor.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Every week' });
  await editor.getByLabel('Every', { exact: true }).fill('2');
  await editor.getByRole('button', { name: 'Monday' }).click();
  await editor.getByRole('button', { name: 'Thursday' }).click();
  await editor.getByLabel('After a number of times').check();
  await editor.getByLabel('Times', { exact: true }).fill('0');
  await expect(
    editor.getByText('Enter how many times, a whole number from 1 to 1000.'),
  ).toHaveCount(0);
  await editor.getByRole('button', { name: 'Save' }).click();
  // Refused in words, nothing lost.
  await expect(
    editor.getByText('Enter how many times, a whole number from 1 to 1000.'),
  ).toBeVisible();
  await editor.getByLabel('Times', { exact: true }).fill('5');
  await editor.getByLabel('From completion').check();
  await expect(
    editor.getByText('Every 2 weeks on Mon, Thu after completion, 5 times'),
  ).toBeVisible();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByText('Every 2 weeks on Mon, Thu after completion, 5 times')).toBeVisible();
  await settled(page);

  await page.reload();
  await expect(row.getByText('Every 2 weeks on Mon, Thu after completion, 5 times')).toBeVisible();
  await rowAction(row, 'Team sync', 'Edit');
  await expect(editor.getByLabel('Repeat', { exact: true })).toHaveValue('weekly');
  await expect(editor.getByLabel('Every', { exact: true })).toHaveValue('2');
  await expect(editor.getByRole('button', { name: 'Monday' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(editor.getByRole('button', { name: 'Tuesday' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(editor.getByRole('button', { name: 'Thursday' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(editor.getByLabel('Times', { exact: true })).toHaveValue('5');
  await expect(editor.getByLabel('From completion')).toBeChecked();

  // Another frequency keeps the interval: every 2 weeks becomes every 2 months.
  await editor.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Every month' });
  await editor.getByLabel('On the last day').check();
  await editor.getByLabel('Never').check();
  await editor.getByLabel('From the due date').check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByText('Every 2 months on the last day', { exact: true })).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(row.getByText('Every 2 months on the last day', { exact: true })).toBeVisible();
});
