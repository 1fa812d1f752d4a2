import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Problem,
  PushDevice,
  PushDeviceList,
  PushSubscriptionBody,
  REMINDER_LIMITS,
  TaskParams,
  UserParams,
} from '@todo/contract';
import Type from 'typebox';
import { outboundUrlProblem } from '../../lib/outbound-url.js';
import { refused } from '../../lib/refused.js';
import { sendProblem } from '../../plugins/problem-details.js';
import { errorResponses, security } from './responses.js';

const common = { tags: ['notifications'], security };
/** A device's path: the same shape as a task's (`user_id`, `id`). */
const DeviceParams = TaskParams;
const NoSuchDevice = 'No such device';

const pushSubscriptions: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.pushSubscriptionsRepository;

  app.get(
    '/',
    {
      schema: {
        ...common,
        summary: 'The devices the user receives push notifications on, oldest first',
        params: UserParams,
        response: { 200: PushDeviceList, ...errorResponses },
      },
    },
    async (request) => ({ items: await repo.list(request.userId) }),
  );

  app.post(
    '/',
    {
      schema: {
        ...common,
        summary: 'Store a browser’s push subscription (its PushSubscription.toJSON())',
        description:
          'Keyed by `endpoint`: the same browser subscribing again updates its keys and owner ' +
          '(200) instead of adding a device (201). The endpoint must be an https URL of a host ' +
          'that is not private, loopback or link-local (unless the server allows private ' +
          `hosts). At most ${REMINDER_LIMITS.devicesMax} devices per user: 409 beyond.`,
        params: UserParams,
        body: PushSubscriptionBody,
        response: {
          200: PushDevice,
          201: PushDevice,
          ...errorResponses,
          409: Type.Object(Problem.properties, {
            description: `The user has ${REMINDER_LIMITS.devicesMax} devices already`,
          }),
        },
      },
    },
    async (request, reply) => {
      const problem = await outboundUrlProblem(request.body.endpoint, app.outboundPolicy);
      if (problem) throw refused(422, `endpoint: ${problem}`);
      const result = await repo.subscribe(request.userId, request.body);
      if (result === 'limit') {
        throw refused(
          409,
          `Push is on for ${REMINDER_LIMITS.devicesMax} devices already, the most there may be; ` +
            'remove one in the settings first',
        );
      }
      return reply.code(result.created ? 201 : 200).send(result.device);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Stop push to one device',
        params: DeviceParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      (await repo.remove(request.userId, request.params.id))
        ? reply.code(204).send(null)
        : sendProblem(reply, 404, NoSuchDevice),
  );
};

export default pushSubscriptions;
