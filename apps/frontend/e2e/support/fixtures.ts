import { randomBytes, randomInt } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

export function newUser(label = 'user'): TestUser {
  const id = randomBytes(4).toString('hex');
  return {
    name: `Test ${label} ${id}`,
    email: `${label}-${id}@example.com`,
    password: `pw-${id}-secret`,
  };
}

/**
 * Each test gets its own client address, so the sign-in/sign-up rate limit (on in production,
 * keyed by address) counts each test separately instead of the whole suite as one client. The
 * frontend believes the header because global-setup.ts lists loopback in TRUSTED_PROXIES.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    await use({ ...extraHTTPHeaders, 'x-forwarded-for': address });
  },
});
export { expect };

export async function signUp(page: Page, user: TestUser = newUser()): Promise<TestUser> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'New task' })).toBeVisible();
  return user;
}

export async function signIn(page: Page, user: TestUser) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'New task' })).toBeVisible();
}

export interface NewTask {
  title: string;
  description?: string;
  priority?: 'High' | 'Medium' | 'Low';
  tags?: string[];
  /** datetime-local value, `YYYY-MM-DDTHH:mm` */
  due?: string;
  repeat?: 'Every day' | 'Every week' | 'Every month' | 'Every year';
  /** An existing project's name, typed as `#Name` after the quoted title. */
  project?: string;
}

export const newTaskForm = (page: Page) => page.getByRole('form', { name: 'New task' });

/** Opens the new-task form's detailed fields (description, priority, due, repeat, tags). */
export async function moreOptions(page: Page) {
  const toggle = newTaskForm(page).getByRole('button', { name: 'More options' });
  if (await toggle.isVisible()) await toggle.click();
}

/**
 * Adds a task through the form and waits until the saved task (not the placeholder) is listed.
 * The title is typed in quotes, so quick add keeps it word for word ("Due in 15 minutes" is a
 * title here, not a date); the other fields are set in "More options".
 */
export async function addTask(page: Page, task: NewTask) {
  const newTask = newTaskForm(page);
  const project = task.project ? ` #${task.project}` : '';
  await newTask.getByLabel('Title', { exact: true }).fill(`"${task.title}"${project}`);
  if (task.description || task.priority || task.due || task.repeat || task.tags?.length) {
    await moreOptions(page);
  }
  if (task.description) await newTask.getByLabel('Description').fill(task.description);
  if (task.priority) await newTask.getByLabel('Priority').selectOption({ label: task.priority });
  if (task.due) await newTask.getByLabel('Due', { exact: true }).fill(task.due);
  if (task.repeat) {
    await newTask.getByLabel('Repeat', { exact: true }).selectOption({ label: task.repeat });
  }
  for (const tag of task.tags ?? []) {
    await newTask.getByLabel('Tags', { exact: true }).fill(tag);
    await newTask.getByLabel('Tags', { exact: true }).press('Enter');
  }
  await newTask.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('status').getByText(`Added “${task.title}”`)).toBeVisible();
  await expect(newTask.getByLabel('Title', { exact: true })).toHaveValue('');
}

/** The list item of a task, by its exact title. */
export function taskRow(page: Page, title: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox', { name: `Mark “${title}” as done` }) });
}

/** `YYYY-MM-DDTHH:mm` for a date `days` from now at `time`, in the browser's zone. */
export async function localDateTime(page: Page, days: number, time: string): Promise<string> {
  return page.evaluate(
    ([offset, at]) => {
      const date = new Date();
      date.setDate(date.getDate() + Number(offset));
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${at}`;
    },
    [String(days), time] as const,
  );
}

/** Waits until no change is in flight: no row saving, no filter navigation pending. */
export async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}
