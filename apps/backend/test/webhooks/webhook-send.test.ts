import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../../tests/support/webhook-receiver.js';
import type { LookupAll } from '../../src/lib/outbound-url.js';
import { sendWebhook } from '../../src/webhooks/send.js';

// One POST, as the worker and the test route make it, against a local receiver.
let receiver: WebhookReceiver;
let port: string;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  port = new URL(receiver.origin).port;
});
afterAll(async () => receiver?.close());

const delivery = (url: string) => ({
  url,
  secret: 'whsec_test',
  event: 'task.created',
  deliveryId: 'd-1',
  body: '{"hello":"world"}',
});
const strict = { httpsOnly: false, allowPrivate: false };
const allowed = { httpsOnly: false, allowPrivate: true };
/** DNS standing in: every name resolves to `address`. */
const resolvesTo =
  (address: string): LookupAll =>
  async () => [{ address, family: address.includes(':') ? 6 : 4 }];

describe('sendWebhook', () => {
  it('connects to the address the guard checked, not to a fresh lookup of the name', async () => {
    // hook.example.test has no DNS record: only the checked, pinned address can be reached.
    const result = await sendWebhook(delivery(`http://hook.example.test:${port}/pinned`), {
      outbound: allowed,
      lookup: resolvesTo('127.0.0.1'),
    });
    expect(result).toEqual({ ok: true, responseStatus: 200, error: null });
    const [request] = receiver.received.filter((r) => r.path === '/pinned');
    expect(request?.headers.host).toBe(`hook.example.test:${port}`);
    expect(request?.body).toBe('{"hello":"world"}');
  });

  it('refuses private, loopback and link-local targets at send time without the allowance', async () => {
    const before = receiver.received.length;
    for (const address of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '::1']) {
      const byName = await sendWebhook(delivery(`http://hook.example.test:${port}/ssrf`), {
        outbound: strict,
        lookup: resolvesTo(address),
      });
      expect(byName, address).toEqual({
        ok: false,
        responseStatus: null,
        error:
          'URL refused: host hook.example.test is a private, loopback or otherwise internal address',
      });
      const host = address.includes(':') ? `[${address}]` : address;
      const literal = await sendWebhook(delivery(`http://${host}:${port}/ssrf`), {
        outbound: strict,
      });
      expect(literal.error, address).toMatch(/^URL refused: host .* internal address$/);
    }
    expect(receiver.received.length).toBe(before);
  });

  it('does not follow a redirect', async () => {
    receiver.answer('/moved', [302]);
    const result = await sendWebhook(delivery(`${receiver.origin}/moved`), { outbound: allowed });
    expect(result).toMatchObject({ ok: false, responseStatus: 302 });
    expect(result.error).toMatch(/^answered 302 \(redirects are not followed\)/);
    expect(receiver.received.filter((r) => r.path === '/moved')).toHaveLength(1);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port: silentPort } = silent.address() as AddressInfo;
      const started = Date.now();
      const result = await sendWebhook(delivery(`http://127.0.0.1:${silentPort}/`), {
        outbound: allowed,
        timeoutMs: 300,
      });
      expect(result).toEqual({ ok: false, responseStatus: null, error: 'no answer within 0.3 s' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('fails with the reason when nothing listens', async () => {
    const result = await sendWebhook(delivery('http://127.0.0.1:9/'), { outbound: allowed });
    expect(result).toMatchObject({ ok: false, responseStatus: null });
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});
