import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateWebhookBody,
  Problem,
  UpdateWebhookBody,
  UserParams,
  WEBHOOK_LIMITS,
  Webhook,
  WebhookDeliveryList,
  WebhookList,
  WebhookParams,
  type WebhookPayload,
  WebhookTestResult,
  WebhookWithSecret,
} from '@todo/contract';
import Type from 'typebox';
import { outboundUrlProblem } from '../../lib/outbound-url.js';
import { refused } from '../../lib/refused.js';
import { sendProblem } from '../../plugins/problem-details.js';
import { sendWebhook } from '../../webhooks/send.js';
import { errorResponses, security } from './responses.js';

const common = { tags: ['webhooks'], security };
const NoSuchWebhook = 'No such webhook';

const webhooks: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.webhooksRepository;
  /** Refuses a URL the backend must not send to (lib/outbound-url.ts); nothing is written. */
  const checkUrl = async (url: string | undefined) => {
    const problem = url === undefined ? null : await outboundUrlProblem(url, app.outboundPolicy);
    if (problem) throw refused(422, `url: ${problem}`);
  };

  app.get(
    '/',
    {
      schema: {
        ...common,
        summary: 'The user’s webhooks, oldest first (without their secrets)',
        params: UserParams,
        response: { 200: WebhookList, ...errorResponses },
      },
    },
    async (request) => ({ items: await repo.list(request.userId) }),
  );

  app.post(
    '/',
    {
      schema: {
        ...common,
        summary: 'Add a webhook; the answer holds its signing secret, shown this once',
        description:
          'Each task event it subscribes to is POSTed to `url` as JSON, signed: ' +
          '`X-Todo-Signature: sha256=<hex HMAC-SHA256 of "<X-Todo-Timestamp>.<body>">`. ' +
          `At most ${WEBHOOK_LIMITS.perUser} webhooks per user: 409 beyond.`,
        params: UserParams,
        body: CreateWebhookBody,
        response: {
          201: WebhookWithSecret,
          ...errorResponses,
          409: Type.Object(Problem.properties, {
            description: `The user has ${WEBHOOK_LIMITS.perUser} webhooks already`,
          }),
        },
      },
    },
    async (request, reply) => {
      await checkUrl(request.body.url);
      const created = await repo.create(request.userId, request.body);
      if (created === 'limit') {
        throw refused(
          409,
          `There are ${WEBHOOK_LIMITS.perUser} webhooks already, the most there may be; delete one first`,
        );
      }
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Change a webhook’s URL, events or whether it is active',
        params: WebhookParams,
        body: UpdateWebhookBody,
        response: { 200: Webhook, ...errorResponses },
      },
    },
    async (request, reply) => {
      await checkUrl(request.body.url);
      const updated = await repo.update(request.userId, request.params.id, request.body);
      return updated ?? sendProblem(reply, 404, NoSuchWebhook);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Delete a webhook and its delivery log',
        params: WebhookParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      (await repo.remove(request.userId, request.params.id))
        ? reply.code(204).send(null)
        : sendProblem(reply, 404, NoSuchWebhook),
  );

  app.post(
    '/:id/rotate-secret',
    {
      schema: {
        ...common,
        summary: 'Give a webhook a new signing secret (the old one stops at once)',
        params: WebhookParams,
        response: { 200: WebhookWithSecret, ...errorResponses },
      },
    },
    async (request, reply) =>
      (await repo.rotateSecret(request.userId, request.params.id)) ??
      sendProblem(reply, 404, NoSuchWebhook),
  );

  app.get(
    '/:id/deliveries',
    {
      schema: {
        ...common,
        summary: `A webhook’s latest ${WEBHOOK_LIMITS.deliveriesListed} deliveries, newest first`,
        params: WebhookParams,
        response: { 200: WebhookDeliveryList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const items = await repo.deliveries(request.userId, request.params.id);
      return items ? { items } : sendProblem(reply, 404, NoSuchWebhook);
    },
  );

  app.post(
    '/:id/test',
    {
      schema: {
        ...common,
        summary: 'Send a `ping` delivery now and answer how it went',
        description:
          'Signed like every delivery, event `ping`; sent once (no retry, 5 s timeout) and not kept ' +
          'in the delivery log. 200 whatever the receiver answered: `delivered` says whether it was 2xx.',
        params: WebhookParams,
        response: { 200: WebhookTestResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const hook = await repo.target(request.userId, request.params.id);
      if (!hook) return sendProblem(reply, 404, NoSuchWebhook);
      const payload: WebhookPayload = {
        id: crypto.randomUUID(),
        event: 'ping',
        created_at: new Date().toISOString(),
        data: { webhook: { id: hook.id } },
      };
      const result = await sendWebhook(
        {
          url: hook.url,
          secret: hook.secret,
          event: 'ping',
          deliveryId: payload.id,
          body: JSON.stringify(payload),
        },
        // Within the frontend's wait for an answer (8 s), so it can say what the receiver did.
        { outbound: app.outboundPolicy, timeoutMs: 5_000 },
      );
      return {
        delivered: result.ok,
        response_status: result.responseStatus,
        error: result.error,
      };
    },
  );
};

export default webhooks;
