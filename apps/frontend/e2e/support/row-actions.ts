import type { Locator, Page } from '@playwright/test';

export type RowAction = 'Edit' | 'Add subtask' | 'Move to…' | 'Delete';

/**
 * Chooses an item of a task row's actions menu. `scope` is where the row is: the page, a row
 * (`taskRow`), or a list of subtasks.
 */
export async function rowAction(scope: Page | Locator, title: string, action: RowAction) {
  const name = `Actions for “${title}”`;
  await scope.getByRole('button', { name, exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page
    .getByRole('menu', { name, exact: true })
    .getByRole('menuitem', { name: action, exact: true })
    .click();
}
