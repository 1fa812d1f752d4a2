import { addTask, expect, signUp, taskRow, test } from './support/fixtures';

test('a second user sees none of the first user’s tasks or tags', async ({ browser }) => {
  const first = await browser.newContext();
  const alice = await first.newPage();
  await signUp(alice);
  await addTask(alice, { title: 'Alice’s secret plan', tags: ['private'] });
  await expect(taskRow(alice, 'Alice’s secret plan')).toBeVisible();

  const second = await browser.newContext();
  const bob = await second.newPage();
  await signUp(bob);
  await expect(bob.getByText('Nothing on your list yet')).toBeVisible();
  await bob.goto('/?q=secret');
  await expect(bob.getByText('No tasks match')).toBeVisible();
  await bob.goto('/?tag=private');
  await expect(bob.getByText('No tasks match')).toBeVisible();
  await bob.goto('/');
  const filters = bob.getByRole('region', { name: 'Search and filters' });
  await expect(filters.getByLabel('Tag', { exact: true }).locator('option')).toHaveText([
    'Any tag',
  ]);

  // Alice still has hers.
  await alice.reload();
  await expect(taskRow(alice, 'Alice’s secret plan')).toBeVisible();
  await first.close();
  await second.close();
});
