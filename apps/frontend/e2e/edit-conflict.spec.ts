import { expectNoSeriousViolations } from './support/axe';
import { addTask, expect, settled, signUp, taskRow, test } from './support/fixtures';
import { rowAction } from './support/row-actions';

// Live updates would refresh the stale tab within a second or two; these tests are about a change
// that has not reached it (its stream down, or the change still in flight), so they run without
// the stream. Live updates themselves: live-updates.spec.ts.
test.beforeEach(async ({ context }) => {
  await context.route(
    (url) => url.pathname === '/api/events',
    (route) => route.abort(),
  );
});

test('two tabs edit one task: the second save shows the conflict, and either way resolves it', async ({
  page,
  context,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Plan the trip', priority: 'Low', tags: ['travel'] });
  // A second tab of the same session, opened on the same version of the task.
  const other = await context.newPage();
  await other.goto('/');

  const openEditor = async (tab: typeof page, title: string) => {
    await rowAction(tab, title, 'Edit');
    return tab.getByRole('form', { name: 'Edit task' });
  };
  const mine = await openEditor(page, 'Plan the trip');
  const theirs = await openEditor(other, 'Plan the trip');

  // The other tab saves first: a new title and a high priority.
  await theirs.getByLabel('Title').fill('Plan the trip to Rome');
  await theirs.getByLabel('Priority').selectOption({ label: 'High' });
  await theirs.getByRole('button', { name: 'Save' }).click();
  await expect(taskRow(other, 'Plan the trip to Rome')).toBeVisible();
  await settled(other);

  // This tab, still on the old version, changes the title only.
  await mine.getByLabel('Title').fill('Plan the trip to Lisbon');
  await mine.getByRole('button', { name: 'Save' }).click();
  const conflict = mine.getByRole('region', { name: /changed elsewhere/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('alert')).toBeFocused();
  const titleRow = conflict.getByRole('row', { name: /Title/ });
  await expect(titleRow.getByRole('cell').nth(0)).toHaveText('Plan the trip to Rome');
  await expect(titleRow.getByRole('cell').nth(1)).toHaveText('Plan the trip to Lisbon');
  await expect(conflict.getByRole('row', { name: /Priority/ })).toContainText('High');
  await expect(conflict.getByRole('row', { name: /Tags/ })).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `conflict, ${colorScheme}`);
  }

  // Keep mine: saved over their version, as this editor shows it (title and priority).
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(mine).toHaveCount(0);
  const kept = taskRow(page, 'Plan the trip to Lisbon');
  await expect(kept).toBeVisible();
  await expect(kept.getByText('Low')).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(taskRow(page, 'Plan the trip to Lisbon').getByText('Low')).toBeVisible();

  // Now the other tab is the stale one; it edits the description and uses theirs.
  const again = await openEditor(other, 'Plan the trip to Rome');
  await again.getByLabel('Description').fill('Flights first');
  await again.getByRole('button', { name: 'Save' }).click();
  const second = again.getByRole('region', { name: /changed elsewhere/ });
  await expect(second).toBeVisible();
  await second.getByRole('button', { name: 'Use theirs' }).click();
  await expect(again).toHaveCount(0);
  const reloaded = taskRow(other, 'Plan the trip to Lisbon');
  await expect(reloaded).toBeVisible();
  await expect(reloaded.getByText('Flights first')).toHaveCount(0);
  await other.reload();
  await expect(taskRow(other, 'Plan the trip to Lisbon')).toBeVisible();
  await expect(other.getByText('Flights first')).toHaveCount(0);
});

test('a delete from a tab that shows an older version keeps the task and says why', async ({
  page,
  context,
}) => {
  await signUp(page);
  await addTask(page, { title: 'Renew the passport' });
  const other = await context.newPage();
  await other.goto('/');

  // The other tab renames it; this tab still shows the old version.
  await rowAction(other, 'Renew the passport', 'Edit');
  const editor = other.getByRole('form', { name: 'Edit task' });
  await editor.getByLabel('Title').fill('Renew the passport by May');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(taskRow(other, 'Renew the passport by May')).toBeVisible();
  await settled(other);

  await rowAction(page, 'Renew the passport', 'Delete');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Could not delete “Renew the passport”' }),
  ).toContainText('changed elsewhere');
  // The list now shows the task as it is; nothing was deleted.
  await expect(taskRow(page, 'Renew the passport by May')).toBeVisible();
  await settled(page);
  await page.reload();
  await expect(taskRow(page, 'Renew the passport by May')).toBeVisible();
});
