import { expectNoSeriousViolations } from './support/axe';
import { addTask, expect, localDateTime, signUp, test } from './support/fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('landing, sign-in and sign-up pages', async ({ page }) => {
      for (const path of ['/', '/sign-in', '/sign-up']) {
        await page.goto(path);
        await expectNoSeriousViolations(page, path);
      }
      // With the form's messages showing.
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByText('Enter your name.')).toBeVisible();
      await expectNoSeriousViolations(page, '/sign-up with errors');
    });

    test('task pages: empty, with tasks, filtered, editing', async ({ page }) => {
      await signUp(page);
      await expectNoSeriousViolations(page, 'empty list');
      await addTask(page, {
        title: 'Overdue report',
        priority: 'High',
        tags: ['work'],
        due: await localDateTime(page, -1, '09:00'),
      });
      await addTask(page, {
        title: 'Weekly review',
        priority: 'Low',
        repeat: 'Every week',
        due: await localDateTime(page, 2, '17:00'),
      });
      await addTask(page, { title: 'Something done', priority: 'Medium' });
      await page.getByRole('checkbox', { name: 'Mark “Something done” as done' }).check();
      await expectNoSeriousViolations(page, 'list');

      await page.goto('/?priority=high&q=report');
      await expectNoSeriousViolations(page, 'filtered list');
      await page.goto('/?q=nothing-matches');
      await expectNoSeriousViolations(page, 'no match');

      await page.goto('/');
      await page.getByRole('button', { name: 'Edit “Weekly review”' }).click();
      await page.getByRole('form', { name: 'Edit task' }).getByLabel('Title').fill('');
      await page
        .getByRole('form', { name: 'Edit task' })
        .getByRole('button', { name: 'Save' })
        .click();
      await expect(page.getByText('Give the task a title.')).toBeVisible();
      await expectNoSeriousViolations(page, 'editor with an error');
    });
  });
}

test.describe('phone width', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('landing and task pages', async ({ page }) => {
    await page.goto('/');
    await expectNoSeriousViolations(page, 'landing (phone)');
    await signUp(page);
    await addTask(page, { title: 'Phone task', priority: 'High', tags: ['mobile'] });
    await expectNoSeriousViolations(page, 'tasks (phone)');
  });
});
