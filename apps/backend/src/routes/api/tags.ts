import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TagList, UserParams } from '@todo/contract';
import { errorResponses, security } from './responses.js';

const tags: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['tags'],
        summary: "The user's tags with how many tasks carry each",
        security,
        params: UserParams,
        response: { 200: TagList, ...errorResponses },
      },
    },
    async (request) => ({ items: await app.tasksRepository.tags(request.userId) }),
  );
};

export default tags;
