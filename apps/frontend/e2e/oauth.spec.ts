import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import type { Page } from '@playwright/test';
import { expect, newUser, signUp, type TestUser, test } from './support/fixtures';
import {
  type LoopbackCallback,
  loopbackCallback,
  MemoryOAuthProvider,
} from './support/oauth-client';

// An assistant that has only the /mcp URL connects the way claude.ai and desktop clients do, driven
// by the MCP SDK's own OAuth client: discovery (RFC 9728 → RFC 8414), dynamic registration, the
// authorization request with PKCE, sign-in and consent in the browser, the code caught on a
// loopback listener, and the token exchange.

const SCOPE = 'tasks:write offline_access';
let callback: LoopbackCallback;

test.beforeEach(async () => {
  callback = await loopbackCallback();
});
test.afterEach(async () => {
  await callback.close();
});

/** The client's first step: discover, register, and the authorization URL to open. */
async function startConnecting(baseURL: string, name: string) {
  const provider = new MemoryOAuthProvider(callback.url, name);
  const serverUrl = new URL('/mcp', baseURL);
  expect(await auth(provider, { serverUrl, scope: SCOPE })).toBe('REDIRECT');
  const url = provider.authorizationUrl;
  if (!url) throw new Error('the client was not sent to authorize');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('resource')).toBe(serverUrl.href);
  return { provider, serverUrl, url };
}

/** A user who exists but is signed out, as when an assistant's link opens a fresh browser. */
async function signedOutUser(page: Page): Promise<TestUser> {
  const user = await signUp(page, newUser('oauth'));
  await page.context().clearCookies();
  return user;
}

async function signInOnTheWay(page: Page, user: TestUser) {
  await expect(page).toHaveURL(/\/sign-in\?/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an MCP client connects with the URL alone, and Disconnect in settings ends its access', async ({
  page,
  baseURL,
}) => {
  const user = await signedOutUser(page);
  const { provider, serverUrl, url } = await startConnecting(baseURL ?? '', 'E2E Assistant');
  await page.goto(url.href);
  await signInOnTheWay(page, user);

  await expect(page.getByRole('heading', { name: 'Connect E2E Assistant?' })).toBeVisible();
  await expect(page.getByText('Read and change your tasks and projects')).toBeVisible();
  await expect(page.getByText('127.0.0.1:')).toBeVisible();
  await page.getByRole('button', { name: 'Allow' }).click();

  const params = await callback.received;
  expect(params.get('error')).toBeNull();
  const code = params.get('code') ?? '';
  expect(await auth(provider, { serverUrl, authorizationCode: code })).toBe('AUTHORIZED');
  const tokens = provider.tokens();
  expect(tokens?.access_token).toMatch(/^todo_oat_/);
  expect(tokens?.refresh_token).toMatch(/^todo_ort_/);
  expect(tokens?.scope).toBe(SCOPE);

  await page.goto('/settings');
  const apps = page.getByRole('list', { name: 'Connected apps' });
  await expect(apps.getByText('E2E Assistant (127.0.0.1:')).toBeVisible();
  await apps.getByRole('button', { name: 'Disconnect E2E Assistant' }).click();
  await expect(page.getByText('No app is connected.')).toBeVisible();

  // Its refresh token is dead too: the token endpoint refuses it.
  const refreshed = await fetch(new URL('/api/auth/oauth2/token', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: tokens?.refresh_token ?? '',
      client_id: provider.clientInformation()?.client_id ?? '',
    }),
  });
  expect(refreshed.status).toBe(400);
});

test('Deny sends the browser back to the client with access_denied', async ({ page, baseURL }) => {
  const user = await signedOutUser(page);
  const { url } = await startConnecting(baseURL ?? '', 'Denied Assistant');
  await page.goto(url.href);
  await signInOnTheWay(page, user);
  await page.getByRole('button', { name: 'Deny' }).click();
  const params = await callback.received;
  expect(params.get('error')).toBe('access_denied');
  expect(params.get('code')).toBeNull();
});

test('a code with the wrong PKCE verifier is refused', async ({ page, baseURL }) => {
  const user = await signedOutUser(page);
  const { provider, serverUrl, url } = await startConnecting(baseURL ?? '', 'Wrong Verifier');
  await page.goto(url.href);
  await signInOnTheWay(page, user);
  await page.getByRole('button', { name: 'Allow' }).click();
  const code = (await callback.received).get('code') ?? '';
  provider.saveCodeVerifier('a-verifier-that-was-never-challenged-0123456789abcdef');
  await expect(auth(provider, { serverUrl, authorizationCode: code })).rejects.toThrow();
  expect(provider.tokens()).toBeUndefined();
});
