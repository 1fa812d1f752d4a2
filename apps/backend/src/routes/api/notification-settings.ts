import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotificationSettings, UpdateNotificationSettingsBody, UserParams } from '@todo/contract';
import type { FastifyReply } from 'fastify';
import { channelStatus } from '../../notifications/channel-status.js';
import { sendUnknownUser } from '../../plugins/problem-details.js';
import { errorResponses, security } from './responses.js';

const common = { tags: ['notifications'], security, params: UserParams };

const notificationSettings: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.settingsRepository;
  const answer = (reply: FastifyReply, settings: NotificationSettings | null) =>
    settings ? reply.send(settings) : sendUnknownUser(reply);

  app.get(
    '/',
    {
      schema: {
        ...common,
        summary: 'The user’s notification settings (the defaults until they change one)',
        description:
          'Which channels this server has (`push_available`, `vapid_public_key` for ' +
          'PushManager.subscribe, `email_available`), the address mail goes to, and the user’s ' +
          'choices: reminders by push and email, the default reminder of new tasks with a due ' +
          'time, and the hour of the daily digest (null: off) in `time_zone`.',
        response: { 200: NotificationSettings, ...errorResponses },
      },
    },
    async (request, reply) =>
      answer(reply, await repo.read(request.userId, channelStatus(app.channels))),
  );

  app.patch(
    '/',
    {
      schema: {
        ...common,
        summary: 'Change some notification settings',
        description:
          'Only the fields sent change. `time_zone` is an IANA name (any case; stored canonical); ' +
          '`default_reminder` is `{kind: "due"}`, `{kind: "before", minutes_before}` or null.',
        body: UpdateNotificationSettingsBody,
        response: { 200: NotificationSettings, ...errorResponses },
      },
    },
    async (request, reply) =>
      answer(reply, await repo.update(request.userId, request.body, channelStatus(app.channels))),
  );
};

export default notificationSettings;
