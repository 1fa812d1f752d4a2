import { createHmac, randomBytes } from 'node:crypto';

/** A hook's signing secret: `whsec_` and 32 random bytes (base64url), shown on create and rotate. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The X-Todo-Signature value: HMAC-SHA256 of `<timestamp>.<body>` keyed with the whole secret,
 * hex. The timestamp inside lets a receiver refuse a replayed old delivery.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
