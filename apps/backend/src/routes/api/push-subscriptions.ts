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
import { sendTestPush } from '../../notifications/test-push.js';
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

  app.post(
    '/:id/test',
    {
      schema: {
        ...common,
        summary: 'Send a test push to one device now',
        description:
          '202 once the device’s push service accepted it. 404: no such device of the user’s, or ' +
          'the push service said the subscription is gone (it is then removed). 409: this ' +
          'server has no push. 502: the push service refused or could not be reached.',
        params: DeviceParams,
        response: {
          202: Type.Null(),
          ...errorResponses,
          409: Type.Object(Problem.properties, { description: 'Push is off on this server' }),
          502: Type.Object(Problem.properties, {
            description: 'The push service did not accept it',
          }),
        },
      },
    },
    async (request, reply) => {
      const { userId } = request;
      const device = await repo.target(userId, request.params.id);
      if (!device) return sendProblem(reply, 404, NoSuchDevice);
      if (!app.channels.push.available) {
        return sendProblem(reply, 409, 'Push notifications are not set up on this server');
      }
      // Again at send time: the name may resolve elsewhere since the device subscribed.
      const problem = await outboundUrlProblem(device.endpoint, app.outboundPolicy);
      if (problem) return sendProblem(reply, 422, `endpoint: ${problem}; remove this device`);
      const outcome = await sendTestPush(app.db, app.channels.push, userId, device);
      if (outcome.status === 'sent') {
        await repo.markSent(device.id);
        return reply.code(202).send(null);
      }
      if (outcome.status === 'gone') {
        await repo.remove(userId, device.id);
        return sendProblem(
          reply,
          404,
          'The browser no longer has this subscription; it was removed',
        );
      }
      const detail = outcome.status === 'failed' ? `: ${outcome.error}` : '';
      return sendProblem(reply, 502, `The push service did not accept the test${detail}`);
    },
  );
};

export default pushSubscriptions;
