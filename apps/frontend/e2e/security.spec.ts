import { addTask, expect, newUser, signUp, taskRow, test } from './support/fixtures';

const origin = () => new URL(test.info().project.use.baseURL ?? '').origin;

test('every page carries the security headers', async ({ request }) => {
  for (const path of ['/', '/sign-in', '/sign-up']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("default-src 'self'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
});

test('a sign-up posted from a foreign origin is refused', async ({ request }) => {
  const response = await request.post('/api/auth/sign-up/email', {
    data: newUser('foreign'),
    headers: { origin: 'https://evil.example' },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).code).toBe('INVALID_ORIGIN');
});

test('the app works at another address it is reached by, with no setting', async ({ request }) => {
  // As through a NodePort or a `minikube service` tunnel: the Host differs, the origin matches it.
  const response = await request.post('/api/auth/sign-up/email', {
    data: newUser('tunnel'),
    headers: { host: '192.168.49.2:30000', origin: 'http://192.168.49.2:30000' },
  });
  expect(response.status()).toBe(200);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ request }) => {
  const response = await request.post('/api/auth/sign-up/email', {
    data: newUser('cookie'),
    headers: { origin: origin() },
  });
  expect(response.status()).toBe(200);
  const cookie = response.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/better-auth\.session_token=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
});

test('sign-in attempts are rate limited', async ({ request }) => {
  const user = newUser('limited');
  let status = 0;
  for (let attempt = 0; attempt < 12 && status !== 429; attempt += 1) {
    const response = await request.post('/api/auth/sign-in/email', {
      data: { email: user.email, password: 'wrong-password' },
      headers: { origin: origin() },
    });
    status = response.status();
  }
  expect(status).toBe(429);
});

const scriptSrc = (csp: string) =>
  csp
    .split(';')
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith('script-src')) ?? '';

test('every page gets its own script nonce, and every script carries it', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/', '/sign-in', '/sign-up', '/no-such-page']) {
    const response = await request.get(path);
    const csp = response.headers()['content-security-policy'] ?? '';
    const policy = scriptSrc(csp);
    expect(policy, path).not.toContain("'unsafe-inline'");
    expect(policy, path).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? '';
    expect(nonce.length, path).toBeGreaterThanOrEqual(22);
    nonces.add(nonce);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(5);
});

test('pages hydrate and run under the nonce policy, with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective}`);
    });
  });
  // Signing up, adding a task and filtering all need the client-side React app.
  await signUp(page);
  await addTask(page, { title: 'Runs under a strict policy' });
  await page.getByRole('link', { name: 'To do' }).click();
  await expect(page).toHaveURL(/status=pending/);
  await expect(taskRow(page, 'Runs under a strict policy')).toBeVisible();
  expect(violations).toEqual([]);
});

test('HSTS is sent over HTTPS only, never on plain HTTP', async ({ request }) => {
  const plain = await request.get('/');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  // As behind a TLS-terminating ingress, which says so in X-Forwarded-Proto.
  const secure = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(secure.headers()['strict-transport-security']).toBe('max-age=31536000');
});
