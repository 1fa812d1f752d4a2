import type { PushPayload } from '@todo/contract';

/**
 * What sending one message to one device or address came to. `gone`: the push service answered
 * 404/410, so the subscription is removed. `failed` with `retry`: worth another attempt later
 * (network error, 5xx, 429); without: it never will be (a 400, a bad address).
 */
export type SendOutcome =
  | { status: 'sent' }
  | { status: 'gone' }
  | { status: 'failed'; error: string; retry: boolean };

/** A stored Web Push subscription. */
export interface PushTarget {
  id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushOptions {
  /** RFC 8030 Topic: a push service keeps one undelivered message per topic. */
  topic: string;
  ttlSeconds: number;
  urgency: 'normal' | 'high';
}

export interface PushChannel {
  /** False when the server has no VAPID keys; nothing is sent then. */
  readonly available: boolean;
  /** The applicationServerKey browsers subscribe with (base64url), or null. */
  readonly publicKey: string | null;
  send(target: PushTarget, payload: PushPayload, options: PushOptions): Promise<SendOutcome>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same for every attempt at one delivery, so a resent mail is recognisably the same. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface EmailChannel {
  /** False when SMTP_URL is not set; the UI says email is off. */
  readonly available: boolean;
  send(message: MailMessage): Promise<SendOutcome>;
}

export interface Channels {
  push: PushChannel;
  email: EmailChannel;
}
