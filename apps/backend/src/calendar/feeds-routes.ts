import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarFeedList,
  CalendarFeedParams,
  CreateCalendarFeedBody,
  CreatedCalendarFeed,
  UserParams,
} from '@todo/contract';
import Type from 'typebox';
import { sendProblem } from '../plugins/problem-details.js';
import { errorResponses, security } from '../routes/api/responses.js';
import { feedPath } from './feed-token.js';

const common = { tags: ['calendar'], security };

/** /api/:user_id/calendar-feeds: the user's secret calendar URLs. */
const calendarFeeds: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.calendarFeedsRepository;

  app.get(
    '/',
    {
      schema: {
        ...common,
        summary: 'The user’s calendar feeds (never their URLs: only a hash of each is kept)',
        params: UserParams,
        response: { 200: CalendarFeedList, ...errorResponses },
      },
    },
    async (request) => ({ items: await repo.list(request.userId) }),
  );

  app.post(
    '/',
    {
      schema: {
        ...common,
        summary: 'Make a calendar feed, or give an existing one a new URL',
        description:
          'One feed per user for every task (`project_id: null`) and one per project. Posting ' +
          'for one that exists gives it a new token: the old URL answers 404 from then on. The ' +
          'answer is the only one that carries the token; the feed is at `path` (GET ' +
          '/calendar/<token>.ics, no Authorization: the token is the credential).',
        params: UserParams,
        body: CreateCalendarFeedBody,
        response: { 201: CreatedCalendarFeed, ...errorResponses },
      },
    },
    async (request, reply) => {
      const issued = await repo.issue(request.userId, request.body.project_id);
      if (!issued) return sendProblem(reply, 404, 'No such project');
      const { feed, token } = issued;
      return reply.code(201).send({ ...feed, token, path: feedPath(token) });
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Delete a calendar feed: its URL answers 404 from then on',
        params: CalendarFeedParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      (await repo.remove(request.userId, request.params.id))
        ? reply.code(204).send(null)
        : sendProblem(reply, 404, 'No such calendar feed'),
  );
};

export default calendarFeeds;
