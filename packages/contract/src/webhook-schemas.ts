import Type, { type Static } from 'typebox';
import { type Task, TaskParams } from './task-schemas.js';

/**
 * Outgoing webhooks (issue 12): a user's URLs that are POSTed a signed JSON body for each task
 * event they subscribe to. The signature is `X-Todo-Signature: sha256=<hex>`, an HMAC-SHA256 of
 * `<X-Todo-Timestamp>.<body>` keyed with the hook's secret.
 */
export const WEBHOOK_EVENTS = [
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_LIMITS = { perUser: 10, urlMax: 2000, deliveriesListed: 50 } as const;

const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time' });

const WebhookUrl = Type.String({
  minLength: 1,
  maxLength: WEBHOOK_LIMITS.urlMax,
  description:
    'Where deliveries are POSTed: an https URL of a host that is not private, loopback or ' +
    'link-local (http and private hosts only when the server allows them)',
});
const WebhookEvents = Type.Array(Type.Enum([...WEBHOOK_EVENTS]), {
  minItems: 1,
  maxItems: WEBHOOK_EVENTS.length,
  uniqueItems: true,
  description: 'The task events it receives',
});

export const CreateWebhookBody = Type.Object(
  {
    url: WebhookUrl,
    events: Type.Optional({ ...WebhookEvents, description: 'Left out: every task event' }),
    active: Type.Optional(Type.Boolean({ description: 'Left out: true' })),
  },
  { additionalProperties: false },
);

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    events: Type.Optional(WebhookEvents),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Webhook = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  events: Type.Array(Type.Enum([...WEBHOOK_EVENTS])),
  active: Type.Boolean({ description: 'false: no deliveries are made' }),
  created_at: DateTime,
  updated_at: DateTime,
});
export const WebhookList = Type.Object({ items: Type.Array(Webhook) });

/** A hook with its secret: answered only by create and rotate. */
export const WebhookWithSecret = Type.Object({
  ...Webhook.properties,
  secret: Type.String({
    description: 'Signs every delivery (whsec_…); shown only now, keep it with the receiver',
  }),
});

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const WebhookDelivery = Type.Object({
  id: Type.Integer(),
  delivery_id: Type.String({ description: 'The X-Todo-Delivery header and the body’s id' }),
  event: Type.Enum([...WEBHOOK_EVENTS]),
  status: Type.Enum([...WEBHOOK_DELIVERY_STATUSES], {
    description: 'pending: not sent yet or retrying; failed: the last attempt failed too',
  }),
  attempts: Type.Integer({ minimum: 0 }),
  response_status: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The receiver’s HTTP status on the last attempt; null: no answer',
  }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the last attempt failed' }),
  created_at: DateTime,
  last_attempt_at: Type.Union([DateTime, Type.Null()]),
});
export const WebhookDeliveryList = Type.Object({
  items: Type.Array(WebhookDelivery, {
    description: `The latest ${WEBHOOK_LIMITS.deliveriesListed}, newest first`,
  }),
});

/** What a test delivery (`ping`) came to: it is sent at once and not retried. */
export const WebhookTestResult = Type.Object({
  delivered: Type.Boolean({ description: 'The receiver answered 2xx' }),
  response_status: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const WebhookParams = TaskParams;

/** The body POSTed for a task event. `task` is as the API shows it; for deleted, id and title. */
export interface WebhookPayload {
  id: string;
  event: WebhookEvent | 'ping';
  created_at: string;
  data: { task: Task | { id: number; title: string } } | { webhook: { id: number } };
}

export type CreateWebhookBody = Static<typeof CreateWebhookBody>;
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;
export type Webhook = Static<typeof Webhook>;
export type WebhookList = Static<typeof WebhookList>;
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;
export type WebhookDelivery = Static<typeof WebhookDelivery>;
export type WebhookDeliveryList = Static<typeof WebhookDeliveryList>;
export type WebhookTestResult = Static<typeof WebhookTestResult>;
