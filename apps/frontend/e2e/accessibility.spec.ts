import { expectNoSeriousViolations } from './support/axe';
import {
  addTask,
  expect,
  localDateTime,
  newTaskForm,
  signUp,
  taskRow,
  test,
} from './support/fixtures';
import { addProject, projectLink, projectMenu, sidebar } from './support/projects';
import { rowAction } from './support/row-actions';

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

    test('settings, reached from the header, and the unsubscribe page', async ({ page }) => {
      await signUp(page);
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
      await expectNoSeriousViolations(page, '/settings');
      // No SMTP here: email and the digest are disabled with the reason, and Tab skips them.
      await expect(page.getByText('Email is off on this server.')).toBeVisible();
      await expect(page.getByLabel(/Daily digest email/)).toBeDisabled();
      await page.getByLabel('Send reminders to my devices').focus();
      await page.keyboard.press('Tab');
      const defaultReminder = page.getByLabel('Default reminder for new tasks with a due time');
      await expect(defaultReminder).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(page.getByText('Default reminder saved.')).toBeVisible();
      await page.goto('/unsubscribe?token=not-a-real-token');
      await expectNoSeriousViolations(page, '/unsubscribe');
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

      await page.getByRole('button', { name: 'Actions for “Weekly review”' }).click();
      await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
      await expectNoSeriousViolations(page, 'a row’s actions menu, open');
      await page.keyboard.press('Escape');

      await page.goto('/?priority=high&q=report');
      await expectNoSeriousViolations(page, 'filtered list');
      await page.goto('/?q=nothing-matches');
      await expectNoSeriousViolations(page, 'no match');

      await page.goto('/');
      await rowAction(page, 'Weekly review', 'Edit');
      await page.getByRole('form', { name: 'Edit task' }).getByLabel('Title').fill('');
      await page
        .getByRole('form', { name: 'Edit task' })
        .getByRole('button', { name: 'Save' })
        .click();
      await expect(page.getByText('Give the task a title.')).toBeVisible();
      await expectNoSeriousViolations(page, 'editor with an error');
    });

    test('views, projects, menus and dialogs', async ({ page }) => {
      // Thirteen axe scans: 58 s of the 60 s limit on the shared machine, so one theme timed out.
      test.slow();
      await signUp(page);
      for (const path of ['/inbox', '/today', '/upcoming']) {
        await page.goto(path);
        await expectNoSeriousViolations(page, `${path} empty`);
      }
      await addProject(page, 'Home', 'Yellow');
      await addTask(page, { title: 'Late bill', due: await localDateTime(page, -1, '09:00') });
      await addTask(page, { title: 'Call mum', due: await localDateTime(page, 1, '18:00') });
      for (const path of ['/today', '/upcoming', '/inbox']) {
        await page.goto(path);
        await expectNoSeriousViolations(page, `${path} with tasks`);
      }
      await projectLink(page, 'Home').click();
      await expect(page.getByRole('heading', { level: 2, name: 'Home' })).toBeVisible();
      await expectNoSeriousViolations(page, 'empty project');

      await sidebar(page).getByRole('button', { name: 'Options for Home' }).click();
      await expectNoSeriousViolations(page, 'project menu');
      await page.keyboard.press('Escape');
      await projectMenu(page, 'Home', 'Edit…');
      await expectNoSeriousViolations(page, 'project dialog');
      await page.keyboard.press('Escape');
      await projectMenu(page, 'Home', 'Delete…');
      await expectNoSeriousViolations(page, 'delete dialog');
      await page.keyboard.press('Escape');

      await page.goto('/today');
      await rowAction(page, 'Late bill', 'Move to…');
      await expectNoSeriousViolations(page, 'move chooser');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await expectNoSeriousViolations(page, 'shortcuts help');
    });

    test('quick add chips, subtasks, the parent question and the repeat editor', async ({
      page,
    }) => {
      await signUp(page);
      const form = newTaskForm(page);
      await form
        .getByLabel('Title', { exact: true })
        .fill('Plan the trip next fri p1 #Travel @fun');
      await expect(form.getByRole('button', { name: 'Create project “Travel”' })).toBeVisible();
      await expectNoSeriousViolations(page, 'quick add with chips');
      await form.getByLabel('Title', { exact: true }).press('Enter');
      const parent = taskRow(page, 'Plan the trip');
      await rowAction(parent, 'Plan the trip', 'Add subtask');
      const line = page.getByRole('form', { name: 'New subtask of “Plan the trip”' });
      await line.getByLabel('Subtask').fill('Book flights');
      await line.getByLabel('Subtask').press('Enter');
      await expect(
        page.getByRole('checkbox', { name: 'Mark “Book flights” as done' }),
      ).toBeVisible();
      await expectNoSeriousViolations(page, 'subtasks expanded, adding one');
      await line.getByLabel('Subtask').press('Escape');
      await parent.getByRole('checkbox', { name: 'Mark “Plan the trip” as done' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Complete 1 open subtask too?' }),
      ).toBeVisible();
      await expectNoSeriousViolations(page, 'complete-the-subtasks question');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await rowAction(parent, 'Plan the trip', 'Edit');
      const editor = page.getByRole('form', { name: 'Edit task' });
      await editor.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Every week' });
      await editor.getByRole('button', { name: 'Monday' }).click();
      await editor.getByLabel('Every', { exact: true }).fill('0');
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect(editor.getByText(/whole number from 1 to 999/)).toBeVisible();
      await expectNoSeriousViolations(page, 'repeat editor with an error');
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
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect(page.getByRole('dialog', { name: 'Navigation' })).toBeVisible();
    await expectNoSeriousViolations(page, 'navigation drawer (phone)');
  });
});
