import type { FastifyInstance } from 'fastify';
import calendarFeeds from '../../calendar/feeds-routes.js';

import events from './events.js';
import notificationSettings from './notification-settings.js';
import projects from './projects.js';
import pushSubscriptions from './push-subscriptions.js';
import snooze from './snooze.js';
import tags from './tags.js';
import tasks from './tasks.js';
import transfer from './transfer.js';
import webhooks from './webhooks.js';

/** Everything under /api/:user_id is authenticated and confined to that user. */
export default async function api(app: FastifyInstance) {
  app.addHook('onRequest', app.requireUser);
  await app.register(tasks, { prefix: '/tasks' });
  await app.register(tags, { prefix: '/tags' });
  await app.register(projects, { prefix: '/projects' });
  await app.register(snooze, { prefix: '/tasks' });
  await app.register(notificationSettings, { prefix: '/notification-settings' });
  await app.register(pushSubscriptions, { prefix: '/push-subscriptions' });
  await app.register(calendarFeeds, { prefix: '/calendar-feeds' });
  await app.register(webhooks, { prefix: '/webhooks' });

  await app.register(events, { prefix: '/events' });

  await app.register(transfer);
}
