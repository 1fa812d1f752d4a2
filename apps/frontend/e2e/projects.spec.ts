import { addTask, expect, settled, signUp, taskRow, test } from './support/fixtures';
import { addProject, projectLink, projectMenu, sidebar } from './support/projects';
import { rowAction } from './support/row-actions';

test('projects: create, rename and recolour, reorder, archive and unarchive', async ({ page }) => {
  await signUp(page);
  await addProject(page, 'Home', 'Teal');
  await addProject(page, 'Work', 'Red');
  await addProject(page, 'Garden', 'Green');

  // A name used already (any case) is refused in words, and what was typed stays.
  await sidebar(page).getByRole('button', { name: 'Add project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add project' });
  await dialog.getByLabel('Name').fill('home');
  await dialog.getByRole('button', { name: 'Add project' }).click();
  await expect(dialog.locator('.field-error')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveValue('home');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Rename and recolour.
  await projectMenu(page, 'Garden', 'Edit…');
  const edit = page.getByRole('dialog', { name: 'Edit “Garden”' });
  await edit.getByLabel('Name').fill('Allotment');
  await edit.getByRole('radio', { name: 'Yellow' }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(projectLink(page, 'Allotment')).toBeVisible();
  await expect(projectLink(page, 'Garden')).toHaveCount(0);

  // Reorder by keyboard: the menu opens on Enter, arrows walk it.
  const projectNames = () =>
    sidebar(page).getByRole('list', { name: 'Projects' }).getByRole('link').allTextContents();
  expect(await projectNames()).toEqual(['Home', 'Work', 'Allotment']);
  await sidebar(page).getByRole('button', { name: 'Options for Allotment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Edit…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Move up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(projectNames).toEqual(['Home', 'Allotment', 'Work']);
  await projectMenu(page, 'Allotment', 'Move up');
  await expect.poll(projectNames).toEqual(['Allotment', 'Home', 'Work']);
  await page.reload();
  await expect.poll(projectNames).toEqual(['Allotment', 'Home', 'Work']);

  // Archive: out of the list, behind the toggle; unarchive brings it back.
  await projectMenu(page, 'Work', 'Archive');
  await expect(projectLink(page, 'Work')).toHaveCount(0);
  await sidebar(page).getByRole('button', { name: 'Show archived projects (1)' }).click();
  const archived = sidebar(page).getByRole('list', { name: 'Archived projects' });
  await expect(archived.getByRole('link', { name: 'Work' })).toBeVisible();
  await projectMenu(page, 'Work', 'Unarchive');
  await expect(
    sidebar(page).getByRole('list', { name: 'Projects' }).getByRole('link', { name: 'Work' }),
  ).toBeVisible();
});

test('deleting a project asks, then moves its tasks elsewhere or deletes them with it', async ({
  page,
}) => {
  await signUp(page);
  await addProject(page, 'Home');
  await addProject(page, 'Errands');
  await addProject(page, 'Temp');

  // Tasks are added to the Inbox, then moved into Errands.
  await addTask(page, { title: 'Buy stamps' });
  await addTask(page, { title: 'Post parcel' });
  for (const title of ['Buy stamps', 'Post parcel']) {
    await rowAction(page, title, 'Move to…');
    const chooser = page.getByRole('dialog', { name: `Move “${title}” to…` });
    await chooser.getByRole('radio', { name: 'Errands' }).check();
    await chooser.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('status').getByText(`Moved “${title}” to “Errands”`)).toBeVisible();
  }
  await expect(projectLink(page, 'Errands')).toHaveAccessibleName('Errands, 2 open');

  // On the project's own page: delete it, moving its tasks to Home.
  await projectLink(page, 'Errands').click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(taskRow(page, 'Buy stamps')).toBeVisible();
  await projectMenu(page, 'Errands', 'Delete…');
  const ask = page.getByRole('dialog', { name: 'Delete “Errands”?' });
  await expect(ask).toContainText('It has 2 open tasks.');
  await ask.getByLabel('Move to').selectOption({ label: 'Home' });
  await ask.getByRole('button', { name: 'Move tasks and delete' }).click();
  await expect(
    page.getByRole('status').getByText('Deleted “Errands”; its tasks are in “Home”'),
  ).toBeVisible();
  await expect(projectLink(page, 'Errands')).toHaveCount(0);
  // Sent on to where the tasks went.
  await expect(page.getByRole('heading', { level: 2, name: 'Home' })).toBeVisible();
  await expect(taskRow(page, 'Buy stamps')).toBeVisible();
  await expect(taskRow(page, 'Post parcel')).toBeVisible();

  // Temp with a task: deleted with it.
  await rowAction(page, 'Post parcel', 'Move to…');
  await page.getByRole('dialog').getByRole('radio', { name: 'Temp' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(taskRow(page, 'Post parcel')).toHaveCount(0);
  // The delete dialog counts the project's open tasks as the page has them: wait for the move.
  await expect(projectLink(page, 'Temp')).toHaveAccessibleName('Temp, 1 open');
  await projectMenu(page, 'Temp', 'Delete…');
  const drop = page.getByRole('dialog', { name: 'Delete “Temp”?' });
  await drop.getByRole('radio', { name: /Delete the project and its tasks/ }).check();
  await drop.getByRole('button', { name: 'Delete project and 1 open task' }).click();
  await expect(projectLink(page, 'Temp')).toHaveCount(0);
  await page.goto('/');
  await settled(page);
  await expect(taskRow(page, 'Post parcel')).toHaveCount(0);
  await expect(taskRow(page, 'Buy stamps')).toBeVisible();
});

test('a task moves by keyboard: m on its row opens the chooser, arrows pick, Enter moves', async ({
  page,
}) => {
  await signUp(page);
  await addProject(page, 'Home');
  await addProject(page, 'Work');
  await addTask(page, { title: 'Fix the tap' });
  await page.goto('/inbox');
  const checkbox = page.getByRole('checkbox', { name: 'Mark “Fix the tap” as done' });
  await checkbox.focus();
  await page.keyboard.press('m');
  const chooser = page.getByRole('dialog', { name: 'Move “Fix the tap” to…' });
  await expect(chooser.getByRole('radio', { name: 'Home' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(chooser.getByRole('radio', { name: 'Work' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(chooser).toBeHidden();
  // Out of the Inbox, into Work.
  await expect(taskRow(page, 'Fix the tap')).toHaveCount(0);
  await projectLink(page, 'Work').click();
  await expect(taskRow(page, 'Fix the tap')).toBeVisible();
  await expect(projectLink(page, 'Work')).toHaveAccessibleName('Work, 1 open');

  // Escape leaves it where it is.
  await page.getByRole('checkbox', { name: 'Mark “Fix the tap” as done' }).focus();
  await page.keyboard.press('m');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Mark “Fix the tap” as done' })).toBeFocused();
});

test('the Inbox cannot be deleted or renamed from the sidebar, and an unknown project is not found', async ({
  page,
  browser,
}) => {
  await signUp(page);
  await expect(sidebar(page).getByRole('button', { name: 'Options for Inbox' })).toHaveCount(0);
  await addProject(page, 'Private');
  await projectLink(page, 'Private').click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const url = page.url();

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signUp(stranger);
  await stranger.goto(url);
  await expect(stranger.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await stranger.goto('/projects/abc');
  await expect(stranger.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await stranger.goto('/projects/2147483647');
  await expect(stranger.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await other.close();
});
