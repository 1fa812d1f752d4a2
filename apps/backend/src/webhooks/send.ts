import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkOutboundUrl,
  type LookupAll,
  type OutboundPolicy,
  type OutboundTarget,
} from '../lib/outbound-url.js';
import { webhookSignature } from './signature.js';

export interface WebhookRequest {
  url: string;
  secret: string;
  /** X-Todo-Event: a task event, or `ping`. */
  event: string;
  /** X-Todo-Delivery: the body's id, the same on every retry (receivers drop repeats by it). */
  deliveryId: string;
  body: string;
}

export interface SendOptions {
  /** The SSRF guard (lib/outbound-url.ts), checked right before the request. */
  outbound: OutboundPolicy;
  timeoutMs?: number;
  /** For tests: a resolver standing in for DNS. */
  lookup?: LookupAll;
}

/** How one attempt went: `ok` for a 2xx answer. */
export interface SendResult {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

/** Longest error kept with a delivery: enough to tell a timeout from a 500 page. */
const ERROR_MAX = 300;
const short = (text: string) => (text.length > ERROR_MAX ? `${text.slice(0, ERROR_MAX)}…` : text);

/** Connects to the address the guard checked, whatever the resolver would answer now. */
function pinnedLookup(target: OutboundTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/** Reads (and drops) up to a few KB of the answer, for the error of a non-2xx one. */
async function answerText(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) {
    if (text.length < 200) text += String(chunk);
  }
  return text.slice(0, 200).trim();
}

/**
 * POSTs one signed delivery. No redirect is followed (a 3xx is a failure: following it would
 * send the body where the guard did not look), and the answer must come within the timeout.
 */
export async function sendWebhook(
  delivery: WebhookRequest,
  { outbound, timeoutMs = 10_000, lookup }: SendOptions,
): Promise<SendResult> {
  const checked = await checkOutboundUrl(delivery.url, outbound, lookup);
  if ('problem' in checked) {
    return { ok: false, responseStatus: null, error: `URL refused: ${checked.problem}` };
  }
  const { target } = checked;
  const timestamp = Math.floor(Date.now() / 1000);
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const request = send(target.url, {
      method: 'POST',
      lookup: pinnedLookup(target),
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'todo-webhooks/1',
        'x-todo-event': delivery.event,
        'x-todo-delivery': delivery.deliveryId,
        'x-todo-timestamp': String(timestamp),
        'x-todo-signature': webhookSignature(delivery.secret, timestamp, delivery.body),
      },
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      answerText(response).then(
        (text) => {
          const ok = status >= 200 && status < 300;
          const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
          const detail = text ? `: ${text}` : '';
          resolve({
            ok,
            responseStatus: status,
            error: ok ? null : short(`answered ${status}${redirect}${detail}`),
          });
        },
        (error: Error) =>
          resolve({ ok: false, responseStatus: status, error: short(error.message) }),
      );
    });
    request.on('error', (error: Error) => {
      const message =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs / 1000} s`
          : error.message;
      resolve({ ok: false, responseStatus: null, error: short(message) });
    });
    request.end(delivery.body);
  });
}
