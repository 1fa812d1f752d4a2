import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import feedRoute, { type FeedRouteOptions } from './feed-route.js';
import { type CalendarFeedsRepository, createCalendarFeedsRepository } from './feeds-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    calendarFeedsRepository: CalendarFeedsRepository;
  }
}

/** Calendar feeds: the repository the /api routes use, and the public feed route. */
async function calendar(app: FastifyInstance, options: FeedRouteOptions) {
  app.decorate('calendarFeedsRepository', createCalendarFeedsRepository(app.db));
  await app.register(feedRoute, options);
}

export default fp(calendar, { name: 'calendar', dependencies: ['database'] });
