import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, signUp, test } from './support/fixtures';

/** Creates a token in Settings → Access tokens and returns it as shown once. */
async function createToken(page: Page, name: string, access: 'Read only' | 'Read and write') {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'New access token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Access').selectOption({ label: access });
  await form.getByLabel('Expires').selectOption({ label: '7 days' });
  await form.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: `Your new token “${name}”` });
  await expect(shown.getByText('it will not be shown again')).toBeVisible();
  const token = await shown.getByLabel('New access token').inputValue();
  expect(token).toMatch(/^todo_pat_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'I have copied it' }).click();
  await expect(shown).toHaveCount(0);
  return token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function listTitles(request: APIRequestContext, token: string) {
  const response = await request.get('/api/v1/tasks', { headers: bearer(token) });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { title: string }[] };
  return body.items.map((task) => task.title);
}

test('a token made in settings lists, creates and completes tasks on /api/v1; revoked, it is refused', async ({
  page,
  request,
}) => {
  await signUp(page);
  const token = await createToken(page, 'Script', 'Read and write');
  await expect(page.getByRole('list', { name: 'Access tokens' }).getByText('Script')).toBeVisible();
  await expect(page.getByText(`…${token.slice(-4)}`)).toBeVisible();
  await expect(page.getByText('Last used: never')).toBeVisible();

  expect(await listTitles(request, token)).toEqual([]);
  const created = await request.post('/api/v1/tasks', {
    headers: bearer(token),
    data: { title: 'Made through the API' },
  });
  expect(created.status()).toBe(201);
  const task = (await created.json()) as { id: number; version: number };
  expect(created.headers().etag).toBe(`"${task.version}"`);
  expect(await listTitles(request, token)).toEqual(['Made through the API']);

  const completed = await request.patch(`/api/v1/tasks/${task.id}/complete`, {
    headers: { ...bearer(token), 'if-match': `"${task.version}"` },
  });
  expect(completed.status()).toBe(200);
  expect(await completed.json()).toMatchObject({ id: task.id, completed: true });

  // The signed-in person sees it, and the list shows the token's use.
  await page.goto('/?status=completed');
  await expect(page.getByText('Made through the API')).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByText('Last used: never')).toHaveCount(0);

  // The session cookie alone is not accepted on the public API.
  const withCookie = await page.request.get('/api/v1/tasks');
  expect(withCookie.status()).toBe(401);

  await page.getByRole('button', { name: 'Revoke Script' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “Script”?' });
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('You have no access tokens.')).toBeVisible();
  const refused = await request.get('/api/v1/tasks', { headers: bearer(token) });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toBe('Bearer');
  expect(refused.headers()['content-type']).toBe('application/problem+json');
});

test('a read-only token reads but gets 403 on every write, and nothing changes', async ({
  page,
  request,
}) => {
  await signUp(page);
  const writer = await createToken(page, 'Writer', 'Read and write');
  const made = await request.post('/api/v1/tasks', {
    headers: bearer(writer),
    data: { title: 'Already there' },
  });
  const task = (await made.json()) as { id: number };
  const reader = await createToken(page, 'Reader', 'Read only');

  expect(await listTitles(request, reader)).toEqual(['Already there']);
  const create = await request.post('/api/v1/tasks', {
    headers: bearer(reader),
    data: { title: 'Should not exist' },
  });
  expect(create.status()).toBe(403);
  expect(
    (
      await request.patch(`/api/v1/tasks/${task.id}/complete`, { headers: bearer(reader) })
    ).status(),
  ).toBe(403);
  expect(
    (await request.delete(`/api/v1/tasks/${task.id}`, { headers: bearer(reader) })).status(),
  ).toBe(403);
  expect(await listTitles(request, reader)).toEqual(['Already there']);
  expect((await request.get('/api/v1/tasks', { headers: bearer('todo_pat_nope') })).status()).toBe(
    401,
  );
});

test('the access tokens section: field errors, the token shown once, the revoke dialog, all accessible', async ({
  page,
}) => {
  await signUp(page);
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'New access token' });
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription(/Give the token a name/);
  await form.getByLabel('Expires').selectOption({ label: 'On a date' });
  await form.getByLabel(/Last day/).fill('2020-01-01');
  await form.getByLabel('Name').fill('Old');
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByLabel(/Last day/)).toHaveAccessibleDescription(/today or a later day/);
  await expectNoSeriousViolations(page, '/settings with token form errors');

  await form.getByLabel('Expires').selectOption({ label: 'Never' });
  await form.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: 'Your new token “Old”' });
  await expect(shown).toBeFocused();
  await expectNoSeriousViolations(page, '/settings with a new token shown');
  await expect(page.getByText('Never expires')).toBeVisible();

  await page.getByRole('button', { name: 'Revoke Old' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “Old”?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page, '/settings with the revoke dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Revoke Old' })).toBeVisible();
});
