import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import type { PushPayload } from '@todo/contract';
import type { WebPushError } from 'web-push';
import type { NotificationsConfig } from '../config.js';
import { type OutboundPolicy, outboundUrlProblem } from '../lib/outbound-url.js';
import type { PushChannel, PushOptions, PushTarget, SendOutcome } from './channel.js';

export interface PushChannelOptions {
  /** Give up on a push service that does not answer within this time (a retry may follow). */
  timeoutMs?: number;
  /** For tests: an agent trusting a local push service's certificate. */
  agent?: Agent;
  /**
   * The SSRF guard, checked before every send: an endpoint was checked when it subscribed, but the
   * name it holds may resolve elsewhere by now. Left out (unit tests): not checked.
   */
  outbound?: OutboundPolicy;
}

/** RFC 8030 allows a Topic of up to 32 base64url characters; anything else is hashed into one. */
function topicHeader(topic: string): string {
  if (/^[A-Za-z0-9_-]{1,32}$/.test(topic)) return topic;
  return createHash('sha256').update(topic).digest('base64url').slice(0, 32);
}

// Loaded on the first push, not at start-up: web-push and its crypto dependencies took ~0.4 s to
// import on this (loaded) machine, time every pod start would otherwise pay.
type WebPush = typeof import('web-push');
let webPushModule: Promise<WebPush> | undefined;
const loadWebPush = () => {
  // A CommonJS package: its exports are the namespace's default.
  webPushModule ??= import('web-push').then(
    (namespace) => (namespace as WebPush & { default?: WebPush }).default ?? namespace,
  );
  return webPushModule;
};

const isWebPushError = (error: unknown): error is WebPushError =>
  error instanceof Error && error.name === 'WebPushError';

/** What a push service's answer (or the lack of one) means for this subscription. */
export function pushOutcome(error: unknown): SendOutcome {
  if (!isWebPushError(error)) {
    const { message, code } = error as NodeJS.ErrnoException;
    // Network errors carry a code (ECONNREFUSED, ECONNRESET…), web-push's timeout says so; any
    // other error is web-push refusing the subscription's keys or the payload, which won't change.
    const network = typeof code === 'string' || message === 'Socket timeout';
    return { status: 'failed', error: message || String(error), retry: network };
  }
  const { statusCode } = error;
  if (statusCode === 404 || statusCode === 410) return { status: 'gone' };
  const detail = `push service answered ${statusCode}${error.body ? `: ${error.body.slice(0, 200)}` : ''}`;
  return { status: 'failed', error: detail, retry: statusCode === 429 || statusCode >= 500 };
}

/** Web Push with VAPID (RFC 8292) and aes128gcm payloads (RFC 8291), through `web-push`. */
export function createPushChannel(
  config: NotificationsConfig['push'],
  { timeoutMs = 5000, agent, outbound }: PushChannelOptions = {},
): PushChannel {
  const vapidDetails = {
    subject: config.subject,
    publicKey: config.publicKey,
    privateKey: config.privateKey,
  };
  return {
    available: true,
    publicKey: config.publicKey,
    async send(target: PushTarget, payload: PushPayload, options: PushOptions) {
      const problem = outbound && (await outboundUrlProblem(target.endpoint, outbound));
      if (problem) return { status: 'failed', error: `push endpoint ${problem}`, retry: false };
      try {
        const webPush = await loadWebPush();
        await webPush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          JSON.stringify(payload),
          {
            vapidDetails,
            contentEncoding: 'aes128gcm',
            TTL: options.ttlSeconds,
            urgency: options.urgency,
            topic: topicHeader(options.topic),
            timeout: timeoutMs,
            ...(agent ? { agent } : {}),
          },
        );
        return { status: 'sent' };
      } catch (error) {
        return pushOutcome(error);
      }
    },
  };
}
