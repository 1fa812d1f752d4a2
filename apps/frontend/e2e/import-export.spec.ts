import { readFile } from 'node:fs/promises';
import { expect, signUp, taskRow, test } from './support/fixtures';
import { projectLink } from './support/projects';

/** A small Todoist project export: a section, a subtask by INDENT, p1, a recurring date. */
const TODOIST_CSV = [
  'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE',
  'task,Sow the tomatoes @outside,,1,1,Ada (41827395),,every saturday,en,Europe/Berlin',
  ',,,,,,,,,',
  'section,Shed,,,,,,,,',
  'task,Oil the hinges,,4,1,Ada (41827395),,,,',
  'task,Buy oil,,4,2,Ada (41827395),,,,',
  '',
].join('\r\n');

test('import and export: export downloads a file; a Todoist CSV is previewed, then imported', async ({
  page,
}) => {
  await signUp(page);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Import and export' });

  // Export: a download of the JSON document.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^todo-export-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
  expect(document).toMatchObject({ format: 'todo-export', version: 1, tasks: [] });
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);

  // Import: the file's name picks the source and names the project; the preview changes nothing.
  const form = section.getByRole('form', { name: 'Import' });
  await form.getByLabel('File', { exact: true }).setInputFiles({
    name: 'Garden.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(TODOIST_CSV),
  });
  await expect(form.getByRole('radio', { name: /Todoist CSV/ })).toBeChecked();
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(
    section.getByText(/^Preview: 1 project, 2 tasks and 1 subtask are new/),
  ).toBeVisible();
  const table = section.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /Buy oil/ })).toContainText('subtask');
  await expect(projectLink(page, 'Garden')).toHaveCount(0);

  await section.getByRole('button', { name: 'Import' }).click();
  await expect(section.getByRole('status').filter({ hasText: /^Imported:/ })).toBeVisible();
  await expect(projectLink(page, 'Garden')).toBeVisible();
  await projectLink(page, 'Garden').click();
  await expect(taskRow(page, 'Sow the tomatoes')).toBeVisible();
  await expect(taskRow(page, 'Oil the hinges')).toBeVisible();

  // A bad file: a clear error, nothing imported.
  await page.goto('/settings');
  await form.getByLabel('File', { exact: true }).setInputFiles({
    name: 'notes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Title,Due\nBuy milk,tomorrow\n'),
  });
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(section.getByRole('alert')).toContainText('no TYPE or CONTENT column');
  await expect(section.getByRole('table')).toHaveCount(0);
});
