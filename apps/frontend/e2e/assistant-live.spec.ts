import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect, newUser, signUp, taskRow, test } from './support/fixtures';
import { loopbackCallback, MemoryOAuthProvider } from './support/oauth-client';

// Issue 12's "done when", whole: an assistant given only the /mcp URL signs the person in (OAuth
// with the SDK's own client), lists and adds tasks through its tools, and the person's open tasks
// page shows them within 2 s without a reload (the change log → LISTEN/NOTIFY → SSE).
const LIVE_MS = 2_000;

test('an assistant connected with the URL alone lists and adds tasks, and they appear live', async ({
  page,
  baseURL,
}) => {
  const callback = await loopbackCallback();
  try {
    const user = await signUp(page, newUser('assistant'));
    const serverUrl = new URL('/mcp', baseURL);
    const provider = new MemoryOAuthProvider(callback.url, 'Live Assistant');
    expect(await auth(provider, { serverUrl, scope: 'tasks:write' })).toBe('REDIRECT');

    // The person, already signed in, approves the assistant on the consent page.
    await page.goto(provider.authorizationUrl?.href ?? '');
    await expect(page.getByRole('heading', { name: 'Connect Live Assistant?' })).toBeVisible();
    await page.getByRole('button', { name: 'Allow' }).click();
    const code = (await callback.received).get('code') ?? '';
    expect(await auth(provider, { serverUrl, authorizationCode: code })).toBe('AUTHORIZED');

    // Their tasks page is open, with its live stream.
    const tasks = await page.context().newPage();
    const streamOpen = tasks.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/events' && response.ok(),
    );
    await tasks.goto('/');
    await expect(tasks.getByRole('heading', { name: 'New task' })).toBeVisible();
    await streamOpen;
    await tasks.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const client = new Client({ name: 'live-assistant', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
    try {
      const found = await client.callTool({ name: 'find_tasks', arguments: {} });
      expect(found.isError).toBeFalsy();

      const title = `Call the plumber ${user.name}`;
      const added = await client.callTool({
        name: 'add_tasks',
        arguments: { tasks: [{ title }] },
      });
      expect(added.isError).toBeFalsy();
      await expect(taskRow(tasks, title)).toBeVisible({ timeout: LIVE_MS });
      expect(
        await tasks.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);

      const listed = await client.callTool({ name: 'find_tasks', arguments: {} });
      expect(JSON.stringify(listed.content)).toContain(title);
    } finally {
      await client.close();
    }
  } finally {
    await callback.close();
  }
});
