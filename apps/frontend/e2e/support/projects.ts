import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The sidebar's navigation (on a desktop viewport; open the drawer first on a phone). */
export function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Views and projects' });
}

/** A project's link in the sidebar, by its exact name (the open count follows the name). */
export function projectLink(page: Page, name: string) {
  return sidebar(page).getByRole('link', { name: new RegExp(`^${name}(, \\d+ open)?$`) });
}

/** Adds a project through the sidebar's dialog and waits until the sidebar lists it. */
export async function addProject(page: Page, name: string, color = 'Blue') {
  await sidebar(page).getByRole('button', { name: 'Add project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add project' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('radio', { name: color }).check();
  await dialog.getByRole('button', { name: 'Add project' }).click();
  await expect(dialog).toBeHidden();
  await expect(projectLink(page, name)).toBeVisible();
}

/** Chooses an item of a project's "⋯" menu in the sidebar. */
export async function projectMenu(page: Page, name: string, item: string) {
  await sidebar(page)
    .getByRole('button', { name: `Options for ${name}` })
    .click();
  await page
    .getByRole('menu', { name: `Options for ${name}` })
    .getByRole('menuitem', { name: item })
    .click();
}
