import { createHmac } from 'node:crypto';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../tests/support/webhook-receiver';
import { expectNoSeriousViolations } from './support/axe';
import { addTask, expect, signUp, test } from './support/fixtures';

// A receiver in the test process, on loopback: the e2e stack's backend allows private hosts
// (OUTBOUND_ALLOW_PRIVATE, global-setup.ts), as an operator would for a local receiver.
let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => receiver?.close());

test('webhooks in settings: add one, its secret shown once signs the task events that arrive; test, log, rotate, turn off, delete', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signUp(page);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Webhooks' });
  const path = `/e2e/${Date.now()}`;
  const url = `${receiver.origin}${path}`;
  await section.getByLabel('URL').fill(url);
  await section.getByLabel('task.updated').uncheck();
  await section.getByRole('button', { name: 'Add webhook' }).click();
  const secret = (await section.locator('.webhook-secret-value').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await section.getByRole('button', { name: 'Copy' }).click();
  await expect(section.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await section.getByRole('button', { name: 'Done' }).click();
  await expect(section.locator('.webhook-secret-value')).toHaveCount(0);
  const hooks = section.getByRole('list', { name: 'Webhooks' });
  await expect(hooks.getByText(url)).toBeVisible();
  await expect(hooks.getByText('task.created, task.completed, task.deleted')).toBeVisible();

  await page.goto('/inbox');
  await addTask(page, { title: 'Tell the webhook' });
  await expect
    .poll(() => receiver.received.filter((request) => request.path === path).length, {
      timeout: 20_000,
    })
    .toBe(1);
  const [created] = receiver.received.filter((request) => request.path === path);
  const timestamp = String(created?.headers['x-todo-timestamp']);
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${created?.body}`)
    .digest('hex');
  expect(created?.headers['x-todo-signature']).toBe(`sha256=${signature}`);
  expect(JSON.parse(created?.body ?? '{}')).toMatchObject({
    event: 'task.created',
    data: { task: { title: 'Tell the webhook' } },
  });

  await page.goto('/settings');
  await hooks.getByRole('button', { name: `Send a test to ${url}` }).click();
  await expect(page.getByRole('status').getByText(/answered 200/)).toBeVisible();
  await hooks.getByRole('button', { name: `Deliveries of ${url}` }).click();
  const log = hooks.getByRole('table', { name: `Latest deliveries to ${url}` });
  await expect(log.getByRole('row', { name: /task\.created succeeded 1/ })).toBeVisible();
  await expectNoSeriousViolations(page, '/settings with a webhook and its log');

  await hooks.getByRole('button', { name: `Rotate the secret of ${url}` }).click();
  const rotated = (await section.locator('.webhook-secret-value').textContent()) ?? '';
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await section.getByRole('button', { name: 'Done' }).click();

  await hooks.getByRole('checkbox', { name: 'Active' }).uncheck();
  await expect(hooks.getByRole('checkbox', { name: 'Active' })).not.toBeChecked();
  await page.reload();
  await expect(hooks.getByRole('checkbox', { name: 'Active' })).not.toBeChecked();
  await hooks.getByRole('button', { name: `Delete ${url}` }).click();
  await expect(section.getByText('No webhooks yet.')).toBeVisible();
});
