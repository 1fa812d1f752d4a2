import { expect, newUser, signIn, signUp, test } from './support/fixtures';

test('a visitor gets the landing page at / with ways in', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Get things done');
  await expect(page.getByRole('link', { name: 'Create a free account' })).toHaveAttribute(
    'href',
    '/sign-up',
  );
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('sign up, stay signed in across a reload, sign out, sign back in', async ({ page }) => {
  const user = await signUp(page);
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(user.name);
  await expect(page.getByText('Nothing on your list yet')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'New task' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();

  await signIn(page, user);
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(user.name);
});

test('a wrong password says so and keeps what was typed', async ({ page }) => {
  const user = await signUp(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /email and password do not match/ }),
  ).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('signing up with a taken email or a weak password explains why', async ({ page }) => {
  const user = await signUp(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone else');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters for your password.')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

  await page.getByLabel('Password', { exact: true }).fill('long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /account with this email already exists/ }),
  ).toBeVisible();
});

test('the server refuses a weak password even without the form', async ({ request }) => {
  const user = newUser('weak');
  const response = await request.post('/api/auth/sign-up/email', {
    data: { ...user, password: 'short' },
    headers: { origin: new URL(test.info().project.use.baseURL ?? '').origin },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).code).toBe('PASSWORD_TOO_SHORT');
});

test('?next= returns to an allowed page and ignores anywhere else', async ({ page }) => {
  const user = await signUp(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();

  await page.goto(`/sign-in?next=${encodeURIComponent('https://evil.example/steal')}`);
  await signInHere(page, user);
  expect(new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? '').host);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();
  await page.goto(`/sign-in?next=${encodeURIComponent('/?status=pending')}`);
  await signInHere(page, user);
  await expect(page).toHaveURL(/\/\?status=pending$/);
});

async function signInHere(
  page: import('@playwright/test').Page,
  user: { email: string; password: string },
) {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'New task' })).toBeVisible();
}

test('a sign-out that fails says so and stays signed in', async ({ page }) => {
  const user = await signUp(page);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  for (const fail of [
    // The server answers an error…
    (route: import('@playwright/test').Route) => route.fulfill({ status: 500, body: '{}' }),
    // …or never answers at all.
    (route: import('@playwright/test').Route) => route.abort('connectionreset'),
  ]) {
    await page.route('**/api/auth/sign-out', fail);
    await signOut.click();
    const message = page.getByRole('alert').filter({ hasText: 'Could not sign out' });
    await expect(message).toBeVisible();
    await expect(message).toContainText('You are still signed in');
    await expect(signOut).toBeEnabled();
    await expect(page.getByRole('heading', { name: 'New task' })).toBeVisible();
    await page.unroute('**/api/auth/sign-out');
  }
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(user.name);

  // Once the server answers again, signing out works and the message is gone.
  await signOut.click();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not sign out' })).toHaveCount(0);
});
