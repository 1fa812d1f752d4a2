import { addTask, expect, localDateTime, signUp, taskRow, test } from './support/fixtures';

test('search, filter and sort from the UI, and the same view from a pasted link', async ({
  page,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Buy milk', tags: ['shopping'], priority: 'Low' });
  await addTask(page, {
    title: 'Buy a birthday present',
    tags: ['shopping'],
    priority: 'High',
    due: await localDateTime(page, 0, '23:59'),
  });
  await addTask(page, {
    title: 'Write the report',
    tags: ['work'],
    priority: 'Medium',
    due: await localDateTime(page, -2, '10:00'),
  });
  await addTask(page, { title: 'Call mum', priority: 'High' });

  const filters = page.getByRole('region', { name: 'Search and filters' });
  const titles = page.locator('.task-title');
  await expect(titles).toHaveText([
    'Call mum',
    'Write the report',
    'Buy a birthday present',
    'Buy milk',
  ]);

  await page.getByRole('searchbox', { name: 'Search tasks' }).fill('buy');
  await expect(page).toHaveURL(/q=buy/);
  await expect(titles).toHaveText(['Buy a birthday present', 'Buy milk']);

  await filters.getByRole('button', { name: 'High' }).click();
  await expect(page).toHaveURL(/priority=high/);
  await expect(titles).toHaveText(['Buy a birthday present']);
  await filters.getByRole('button', { name: 'High' }).click();
  await page.getByRole('searchbox', { name: 'Search tasks' }).fill('');
  await expect(titles).toHaveCount(4);

  await filters.getByLabel('Tag', { exact: true }).selectOption('shopping');
  await expect(page).toHaveURL(/tag=shopping/);
  await expect(titles).toHaveText(['Buy a birthday present', 'Buy milk']);
  await filters.getByLabel('Tag', { exact: true }).selectOption('');

  await filters.getByLabel('Due', { exact: true }).selectOption({ label: 'Overdue' });
  await expect(titles).toHaveText(['Write the report']);
  await expect(taskRow(page, 'Write the report').getByText(/Overdue/)).toBeVisible();
  await filters.getByLabel('Due', { exact: true }).selectOption({ label: 'Due today' });
  await expect(titles).toHaveText(['Buy a birthday present']);
  await filters.getByLabel('Due', { exact: true }).selectOption({ label: 'No due date' });
  await expect(titles).toHaveText(['Call mum', 'Buy milk']);
  await filters.getByLabel('Due', { exact: true }).selectOption({ label: 'Any time' });

  await filters.getByLabel('Sort', { exact: true }).selectOption({ label: 'Title' });
  await expect(page).toHaveURL(/sort=title/);
  await expect(titles).toHaveText([
    'Buy a birthday present',
    'Buy milk',
    'Call mum',
    'Write the report',
  ]);
  await page.getByRole('button', { name: /^Order: ascending/ }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(titles).toHaveText([
    'Write the report',
    'Call mum',
    'Buy milk',
    'Buy a birthday present',
  ]);

  await filters.getByLabel('Sort', { exact: true }).selectOption({ label: 'Priority' });
  await expect(titles.first()).toHaveText(/Call mum|Buy a birthday present/);
  await expect(titles.last()).toHaveText('Buy milk');

  await filters.getByLabel('Sort', { exact: true }).selectOption({ label: 'Due date' });
  await expect(titles.first()).toHaveText('Write the report');

  // The same user opens a link pasted from elsewhere: the view comes back from the URL alone.
  const context = page.context();
  const pasted = await context.newPage();
  await pasted.goto('/?status=pending&tag=shopping&sort=title&q=buy');
  const pastedFilters = pasted.getByRole('region', { name: 'Search and filters' });
  await expect(pasted.getByRole('searchbox', { name: 'Search tasks' })).toHaveValue('buy');
  await expect(pastedFilters.getByLabel('Tag', { exact: true })).toHaveValue('shopping');
  await expect(pastedFilters.getByLabel('Sort', { exact: true })).toHaveValue('title');
  await expect(pasted.getByRole('link', { name: 'To do' })).toHaveAttribute('aria-current', 'page');
  await expect(pasted.locator('.task-title')).toHaveText(['Buy a birthday present', 'Buy milk']);
  await pasted.reload();
  await expect(pasted.locator('.task-title')).toHaveText(['Buy a birthday present', 'Buy milk']);

  await pasted.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(pasted).toHaveURL(/\/$/);
  await expect(pasted.locator('.task-title')).toHaveCount(4);
});
