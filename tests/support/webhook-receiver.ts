import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { arrivals } from './arrivals.js';

/** A request as the receiver got it: lower-case headers and the raw body. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The status it was answered with. */
  status: number;
}

/**
 * An HTTP server on 127.0.0.1 that records every request and answers it with the next status
 * of a script (then `status`): what a webhook's receiver sees, for tests.
 */
export interface WebhookReceiver {
  /** http://127.0.0.1:<port>: a hook's URL is this plus any path. */
  origin: string;
  received: ReceivedWebhook[];
  /** Answer the next requests to `path` with these statuses in turn, then with `then` (200). */
  answer(path: string, statuses: number[], then?: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received = arrivals<ReceivedWebhook>('webhook requests');
  const scripts = new Map<string, { statuses: number[]; then: number }>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const script = scripts.get(request.url ?? '');
      const status = script?.statuses.shift() ?? script?.then ?? 200;
      received.add({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: received.items,
    answer(path, statuses, then = 200) {
      scripts.set(path, { statuses: [...statuses], then });
    },
    waitFor: received.waitFor,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
